// Russian texts of team mode; the compiler checks that every English key is here.
import type { TeamTranslation } from './team-en';

export const teamRu: TeamTranslation = {
  team: {
    subtitlePersonal:
      'Используйте учётную запись Zomro. Сессию Zomro панель хранит на своём сервере.',
    subtitleTeam:
      'Войдите под своей учётной записью панели (её выдал администратор), а не под паролем Zomro компании.',
    proxyOnlyTitle: 'Вход через вашу организацию',
    proxyOnlyText:
      'Эта панель открывается через единый вход (SSO) вашей организации. Откройте её по выданному адресу — вход произойдёт сам.',
    viewOnly: 'Только просмотр',
    viewOnlyTitle: 'Вы видите расписания, но не можете их менять. Попросите редактора.',
    viewerEmpty: 'Добавить расписание может редактор; вы видите расписания, но не меняете их.',
    lastChanged: {
      'schedule.create': 'Создал(а) {{actor}} · {{when}}',
      'schedule.update': 'Изменил(а) {{actor}} · {{when}}',
    },
    you: 'вы',
  },
  nav: {
    label: 'Основное меню',
    instances: 'Обзор',
    activity: 'Журнал',
  },
  activity: {
    title: 'Журнал действий',
    lead: 'Кто входил и кто создавал, менял или удалял расписания — сначала новые.',
    filterOperator: 'Оператор',
    filterOperatorPlaceholder: 'Любой оператор',
    filterInstance: 'Сервер',
    anyInstance: 'Все серверы',
    clearFilters: 'Сбросить фильтры',
    caption: 'Журнал действий этой учётной записи Zomro',
    columns: {
      when: 'Когда',
      operator: 'Оператор',
      action: 'Действие',
      target: 'Сервер и расписание',
      change: 'Изменение',
      outcome: 'Результат',
    },
    action: {
      'session.sign-in': 'Вход',
      'session.sign-in-failed': 'Неудачный вход',
      'session.sign-out': 'Выход',
      'schedule.create': 'Создал(а) расписание',
      'schedule.update': 'Изменил(а) расписание',
      'schedule.delete': 'Удалил(а) расписание',
      other: 'Другое ({{action}})',
    },
    outcome: {
      ok: 'Выполнено',
      failed: 'Ошибка',
      unknown: 'Неизвестно',
      unknownTitle: 'Ответ Zomro потерян: изменение могло как пройти, так и не пройти.',
    },
    schedule: 'расписание {{id}}',
    empty: 'Пока ничего не записано.',
    emptyFiltered: 'Нет действий, подходящих под фильтры.',
    loadMore: 'Показать более ранние',
    loadingMore: 'Загрузка…',
    end: 'Это начало журнала.',
    loadFailed: 'Не удалось загрузить журнал',
  },
  conflict: {
    title: 'Расписание изменил кто-то другой',
    text: '{{actor}} изменил(а) «{{name}}» после того, как вы открыли форму. Сравните и оставьте их вариант или сохраните свой поверх.',
    textUnknown:
      '«{{name}}» изменили после того, как вы открыли форму. Сравните и оставьте их вариант или сохраните свой поверх.',
    field: 'Поле',
    theirs: 'Сейчас в Zomro',
    mine: 'Ваш вариант',
    reload: 'Оставить их вариант',
    overwrite: 'Сохранить мой поверх',
    deleteTitle: 'Расписание изменилось',
    deleteText:
      '{{actor}} изменил(а) «{{name}}» после загрузки вашего списка. Сейчас оно выглядит так. Всё равно удалить?',
    deleteTextUnknown:
      '«{{name}}» изменили после загрузки вашего списка. Сейчас оно выглядит так. Всё равно удалить?',
    deleteAnyway: 'Всё равно удалить',
    reloaded: 'В форме теперь текущая версия «{{name}}».',
  },
};
