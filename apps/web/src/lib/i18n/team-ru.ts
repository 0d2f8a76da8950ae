// Russian texts of team mode; the compiler checks that every English key is here.
import type { TeamTranslation } from './team-en';

export const teamRu: TeamTranslation = {
  team: {
    subtitleTeam:
      'Войдите под своей учётной записью панели (её выдал администратор), а не под паролем Zomro компании.',
    viewOnly: 'Только просмотр',
    viewOnlyTitle: 'Вы видите расписания, но не можете их менять. Попросите редактора.',
    viewerEmpty: 'Добавить расписание может редактор; вы видите расписания, но не меняете их.',
    lastChanged: {
      'schedule.create': 'Создал(а) {{actor}} · {{when}}',
      'schedule.update': 'Изменил(а) {{actor}} · {{when}}',
    },
  },
  nav: {
    label: 'Основное меню',
    instances: 'Обзор',
    activity: 'Журнал',
  },
};
