// Russian texts of the screens that load on demand: the schedule form, the delete confirmation,
// Activity, the edit-conflict dialog and the overlap warning. They load with those screens
// (loadMoreTexts in ./index.ts), not with the first screen (docs/decisions/017-first-screen.md).
export const onDemandRu = {
  form: {
    createTitle: 'Новое расписание',
    editTitle: 'Изменение «{{name}}»',
    name: 'Название',
    nameCount: '{{count}} из {{max}} символов',
    days: 'Дни',
    presets: 'Наборы',
    weekdays: 'Будни',
    weekends: 'Выходные',
    everyDay: 'Каждый день',
    time: 'Время ({{zone}})',
    instanceState: {
      stopped:
        'Этот сервер остановлен. Расписание всё равно сохранится; проверьте в панели Zomro, делаются ли копии, пока сервер остановлен.',
      suspended:
        'Этот сервер приостановлен (обычно из-за оплаты). Расписание всё равно сохранится, но Zomro может не делать копии, пока сервер не заработает.',
    },
    timePlaceholder: 'ЧЧ:ММ',
    timeHint: '24-часовой формат ЧЧ:ММ, время провайдера, как в панели Zomro.',
    localEquivalent: '{{time}} по вашему времени ({{zone}})',
    preview: 'Ближайшие запуски',
    previewEmpty:
      'Ближайшие запуски появятся здесь, когда будут выбраны дни и указано правильное время.',
    yourTime: 'Ваше время ({{zone}})',
    create: 'Создать расписание',
    save: 'Сохранить изменения',
    creating: 'Создание…',
    savingChanges: 'Сохранение…',
    cancel: 'Отмена',
    leaveTitle: 'Отменить несохранённые изменения?',
    leaveText: 'Изменения в этой форме не сохранены. Если уйти сейчас, они пропадут.',
    leaveStay: 'Продолжить редактирование',
    leaveDiscard: 'Не сохранять',
  },
  deleteDialog: {
    title: 'Удалить расписание?',
    text: 'Расписание «{{name}}» сервера {{instance}} будет удалено, и Zomro перестанет делать по нему резервные копии. Отменить это нельзя.',
    confirm: 'Удалить',
    cancel: 'Отмена',
  },
  activity: {
    title: 'Журнал действий',
    lead: 'Кто входил, кто создавал, менял или удалял расписания и кто менял число хранимых копий — сначала новые.',
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
      'instance.retention': 'Изменил(а) число хранимых копий',
      other: 'Другое ({{action}})',
    },
    outcome: {
      ok: 'Выполнено',
      failed: 'Ошибка',
      unknown: 'Неизвестно',
      unknownTitle: 'Ответ Zomro потерян: изменение могло как пройти, так и не пройти.',
      pending: 'Ожидает',
      pendingTitle: 'Zomro принял изменение, но в списке его пока нет.',
    },
    schedule: 'расписание {{id}}',
    retentionChange: 'Хранить копий: {{before}} → {{after}}',
    empty: 'Пока ничего не записано.',
    emptyFiltered: 'Нет действий, подходящих под фильтры.',
    show: 'Показать',
    view: {
      changes: 'Изменения',
      sessions: 'Входы и выходы',
      all: 'Всё',
      oneAction: 'Одно действие',
    },
    localTime: '{{time}} по вашему времени',
    providerTime: '{{time}} GMT+3',
    reason: {
      BAD_CREDENTIALS: 'неверное имя или пароль',
      TOTP_INVALID: 'неверный код',
      RATE_LIMITED: 'слишком много попыток',
    },
    pages: 'Страницы журнала',
    pageOf: 'Страница {{page}}',
    newer: 'Новее',
    older: 'Старше',
    exportCsv: 'Экспорт CSV',
    exportJson: 'Экспорт JSON',
    exportNote: 'Всё, что показывает фильтр, со всех страниц.',
    exportFailed: 'Не удалось выгрузить журнал',
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
  overlap: {
    warning:
      'Начинается в то же время, что и «{{name}}» ({{days}}). Zomro примет оба; копии будут мешать друг другу.',
    warningOn:
      '{{server}}: начинается в то же время, что и «{{name}}» ({{days}}). Zomro примет оба; копии будут мешать друг другу.',
  },
  // Error texts load with the first error (src/lib/api-client.ts); NETWORK_ERROR and UNKNOWN
  // stay with the first screen, for when nothing more can be loaded.
  errors: {
    title: {
      BAD_CREDENTIALS: 'Не удалось войти',
      TOTP_INVALID: 'Неверный код',
      UNAUTHENTICATED: 'Вход не выполнен',
      SESSION_EXPIRED: 'Сессия истекла',
      FORBIDDEN: 'Нет доступа',
      NOT_FOUND: 'Не найдено',
      VALIDATION_FAILED: 'Некоторые значения неверны',
      UNSUPPORTED_MEDIA_TYPE: 'Запрос не понят',
      UPSTREAM_REJECTED: 'Zomro отклонил изменение',
      INSTANCE_BLOCKED: 'Расписания сейчас нельзя изменить',
      UPSTREAM_BUSY: 'Zomro занят',
      UPSTREAM_BLOCKED: 'Zomro заблокировал запрос',
      UPSTREAM_BAD_RESPONSE: 'Неожиданный ответ Zomro',
      UPSTREAM_UNAVAILABLE: 'Zomro недоступен',
      UPSTREAM_TIMEOUT: 'Zomro не ответил вовремя',
      INTERNAL_ERROR: 'Что-то пошло не так',
      BAD_RESPONSE: 'Неожиданный ответ сервера панели',
      INVALID_JSON: 'Запрос не прочитан',
      PRECONDITION_FAILED: 'Изменено кем-то другим',
      IDEMPOTENCY_KEY_REUSED: 'Запрос уже отправлен',
      RATE_LIMITED: 'Слишком много попыток',
      BACKUP_QUOTA_REACHED: 'Ручные копии на сегодня исчерпаны',
      BACKUP_PROTECTED: 'Копия защищена',
      BACKUP_BUSY: 'Копия занята',
      UPSTREAM_ACCOUNT_REJECTED: 'Zomro отклонил аккаунт команды',
      AUDIT_UNAVAILABLE: 'Журнал действий недоступен',
      STORE_UNAVAILABLE: 'Хранилище недоступно',
      PAYLOAD_TOO_LARGE: 'Слишком много данных',
      PROXY_IDENTITY_INVALID: 'Вход через прокси отклонён',
    },
    message: {
      VALIDATION_FAILED:
        'Некоторые значения неверны. Проверьте отмеченные поля и повторите попытку.',
      INVALID_JSON: 'Сервер не смог прочитать запрос. Обновите страницу и повторите попытку.',
      BAD_CREDENTIALS: 'Неверное имя пользователя или пароль. Проверьте их и повторите попытку.',
      TOTP_INVALID: 'Код неверен или устарел. Введите текущий код из приложения-аутентификатора.',
      UNAUTHENTICATED: 'Вход не выполнен. Войдите, чтобы продолжить.',
      SESSION_EXPIRED: 'Сессия завершилась. Войдите снова, чтобы продолжить.',
      FORBIDDEN:
        'Это не разрешено: у вас роль только для просмотра, или Zomro отказал этой учётной записи. Обратитесь к редактору или к тому, кто управляет учётной записью Zomro.',
      NOT_FOUND: 'Не найдено: возможно, это удалено или адрес неверен.',
      UNSUPPORTED_MEDIA_TYPE:
        'Запрос пришёл в виде, который сервер не принимает. Обновите страницу и повторите попытку.',
      PRECONDITION_FAILED:
        'Кто-то изменил это расписание после того, как вы его открыли. Обновите страницу, чтобы увидеть его версию.',
      IDEMPOTENCY_KEY_REUSED:
        'Этот запрос уже был отправлен с другими значениями. Обновите страницу и повторите попытку.',
      RATE_LIMITED: 'Слишком много попыток. Подождите немного и повторите.',
      BACKUP_QUOTA_REACHED:
        'Zomro разрешает 5 ручных копий в день. Ничего не отправлено; попробуйте завтра.',
      BACKUP_PROTECTED: 'Снимите защиту с копии, чтобы удалить её. Ничего не отправлено.',
      BACKUP_BUSY:
        'Копия создаётся или удаляется; удалить её можно, когда она будет готова. Ничего не отправлено.',
      UPSTREAM_REJECTED: 'Zomro отказал: «{{detail}}»',
      UPSTREAM_BUSY:
        'Zomro занят другой операцией с этим сервером. Подождите немного и повторите попытку.',
      UPSTREAM_BAD_RESPONSE:
        'Zomro прислал ответ, который панель не понимает. Повторите попытку; если это повторится, сообщите тому, кто обслуживает панель.',
      UPSTREAM_ACCOUNT_REJECTED:
        'Zomro отклонил общий аккаунт команды. Сообщите тому, кто обслуживает панель.',
      AUDIT_UNAVAILABLE:
        'Журнал действий недоступен для записи, поэтому ничего не изменено. Сообщите тому, кто обслуживает панель.',
      STORE_UNAVAILABLE: 'Хранилище панели недоступно. Повторите попытку чуть позже.',
      PAYLOAD_TOO_LARGE:
        'Запрос больше, чем принимает сервер. Сократите введённое и попробуйте снова.',
      PROXY_IDENTITY_INVALID:
        'Прокси входа передал имя оператора, которое панель не принимает (повторённое или с недопустимыми символами). Сообщите тому, кто настраивал прокси.',
      BAD_RESPONSE: 'Сервер панели прислал ответ, который страница не понимает (HTTP {{status}}).',
      UPSTREAM_BLOCKED:
        'Zomro временно отклоняет запросы с сервера панели (блокировка по IP). Подождите минуту и повторите попытку.',
      INTERNAL_ERROR:
        'Ошибка сервера панели. Повторите попытку; если ошибка не исчезнет, сообщите тому, кто обслуживает панель.',
      UPSTREAM_UNAVAILABLE: 'Zomro недоступен. Повторите попытку чуть позже.',
      UPSTREAM_UNAVAILABLE_change:
        'Zomro стал недоступен во время сохранения. Проверьте по списку, применено ли изменение, и повторите попытку.',
      UPSTREAM_TIMEOUT: 'Zomro не ответил вовремя. Повторите попытку чуть позже.',
      INSTANCE_BLOCKED:
        'Zomro не принимает изменений расписаний, пока сервер в ошибке или загружает образ. Ничего не отправлено; попробуйте снова, когда сервер заработает как обычно.',
      UPSTREAM_TIMEOUT_change:
        'Zomro не ответил вовремя; изменение могло всё же примениться. Проверьте список, прежде чем повторять.',
    },
  },
  // The schedule form's messages (the sign-in form's stay with the first screen).
  validation: {
    nameRequired: 'Введите название',
    nameTooLong: 'Название — не длиннее {{max}} символов',
    nameControl:
      'Название не должно содержать управляющих символов, символов направления текста или битых символов',
    daysRequired: 'Выберите хотя бы один день',
    daysDistinct: 'Каждый день можно выбрать только один раз',
    timeRequired: 'Укажите время',
    timeInvalid: 'Укажите время от 00:00 до 23:59',
  },
  // The session-expired dialog's own texts (its sign-in form's are the first screen's).
  auth: {
    expiredTitle: 'Сессия истекла',
    expiredText:
      'Войдите снова, чтобы продолжить. Страница останется как есть, а несохранённое изменение отправится после входа.',
    expiredDismissed: 'Войдите снова, чтобы продолжить.',
    // The second sign-in step (two-factor accounts).
    totpText: 'Откройте приложение-аутентификатор и введите текущий код для {{username}}.',
    totpLabel: 'Код подтверждения',
    totpSubmit: 'Подтвердить',
    totpBack: 'Другая учётная запись',
  },
  // The form that changes how many backups are kept.
  retention: {
    label: 'Хранится копий',
    save: 'Сохранить',
    saving: 'Сохраняем…',
    cancel: 'Отмена',
    hint: 'Zomro хранит столько последних копий по расписанию (от 1 до 10) и удаляет более старые.',
    saved: 'Теперь Zomro хранит копий по расписанию: {{count}}.',
    saveFailed: 'Не удалось изменить число хранимых копий',
  },
  // What "Copy as curl" says once the clipboard has (or has not) taken the command.
  copy: {
    curlCopied: 'Команда curl для «{{name}}» в буфере обмена (сначала задайте $ZOMRO_AUTH).',
    curlFailed: 'Браузер не разрешил копирование в буфер обмена.',
  },
  // What a save or a delete says afterwards (both start in a form or dialog that loads these texts).
  schedules: {
    created: 'Расписание «{{name}}» создано.',
    createdPending: 'Zomro приняло расписание «{{name}}»; оно вскоре появится в списке.',
    updated: 'Изменения в «{{name}}» сохранены.',
    deleted: 'Расписание «{{name}}» удалено.',
    createFailed: 'Не удалось создать «{{name}}».',
    updateFailed: 'Не удалось сохранить «{{name}}».',
    alreadyDeleted: 'Расписание «{{name}}» уже было удалено (кем-то другим или в другой вкладке).',
    deleteFailed: 'Не удалось удалить «{{name}}»; расписание снова в списке.',
    notFound: 'Этого расписания больше нет.',
  },
  // Apply to many on the overview.
  fleet: {
    applyTitle_one: 'Расписание для {{count}} сервера',
    applyTitle_few: 'Расписание для {{count}} серверов',
    applyTitle_many: 'Расписание для {{count}} серверов',
    applyTitle_other: 'Расписание для {{count}} сервера',
    copyNote: 'Скопировано из «{{name}}». Выберите серверы, к которым его применить.',
    selectFirst: 'Сначала выберите в списке хотя бы один сервер.',
    applying_one: 'Применяем к {{count}} серверу…',
    applying_few: 'Применяем к {{count}} серверам…',
    applying_many: 'Применяем к {{count}} серверам…',
    applying_other: 'Применяем к {{count}} сервера…',
    outcomeTitle: 'Результат по серверам',
    outcomeSummary: 'создано: {{created}}, ошибок: {{failed}}',
    created: 'Создано',
    failed: 'Ошибка: {{message}}',
    retryFailed: 'Повторить неудачные ({{count}})',
    done: 'Готово',
    chosen_one: 'Выбранные серверы ({{count}})',
    chosen_few: 'Выбранные серверы ({{count}})',
    chosen_many: 'Выбранные серверы ({{count}})',
    chosen_other: 'Выбранные серверы ({{count}})',
    spread: 'Разнести время запуска',
    spreadWindow: 'В пределах',
    spreadMinutes_one: '{{count}} минуты',
    spreadMinutes_few: '{{count}} минут',
    spreadMinutes_many: '{{count}} минут',
    spreadMinutes_other: '{{count}} минуты',
    spreadOffset: '+{{minutes}} мин',
    // The overview's grid, once opened.
    gridCaption: 'Сколько резервных копий начинается в каждый час недели ({{zone}})',
    gridZone: 'Время',
    gridProvider: 'время Zomro ({{zone}})',
    gridLocal: 'ваше время ({{zone}})',
    gridCell: '{{day}} {{hour}}:00 — {{count}}',
    gridListTitle: 'Начинаются: {{day}}, {{hour}}:00–{{hour}}:59 ({{zone}})',
    gridListClose: 'Закрыть список',
  },
  // Why an instance's schedules cannot be changed now (shown only then).
  blocked: {
    title: 'Расписания сейчас нельзя изменить',
    text: 'Сервер в состоянии «{{status}}», в котором Zomro не принимает изменений расписаний. Расписания остаются как есть; изменить их можно, когда сервер снова заработает как обычно.',
    backToSchedules: 'Назад к расписаниям',
  },
  // The page for an unknown address.
  app: {
    notFoundTitle: 'Страница не найдена',
    notFoundText: 'По этому адресу ничего нет.',
  },
  // Sign-in through an organisation’s single sign-on only.
  team: {
    proxyOnlyTitle: 'Вход через вашу организацию',
    proxyOnlyText:
      'Эта панель открывается через единый вход (SSO) вашей организации. Откройте её по выданному адресу — вход произойдёт сам.',
  },
};
