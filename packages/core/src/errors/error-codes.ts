/** The stable error codes of the platform: HTTP status and a message a person understands, zh-CN first. */
export const errorCatalogue = {
  BAD_REQUEST: {
    status: 400,
    zh: '请求格式不正确，请检查后重试。',
    en: 'The request is malformed; check it and try again.',
  },
  VALIDATION_FAILED: {
    status: 400,
    zh: '提交的信息有误，请按提示修改。',
    en: 'Some of the information is invalid; correct it as shown.',
  },
  INVALID_RESIDENT_ID: {
    status: 400,
    zh: '公民身份号码不正确，请核对后重新输入。',
    en: 'The resident ID number is not valid; check it and enter it again.',
  },
  INVALID_USCC: {
    status: 400,
    zh: '统一社会信用代码不正确，请核对。',
    en: 'The unified social credit code is not valid; check it.',
  },
  UNAUTHENTICATED: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  FORBIDDEN: { status: 403, zh: '您无权进行此操作。', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, zh: '未找到相关内容。', en: 'Nothing was found.' },
  CONFLICT: {
    status: 409,
    zh: '该内容已存在或已被修改。',
    en: 'This already exists or was changed meanwhile.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传的内容过大。', en: 'The upload is too large.' },
  IMPORT_REJECTED: {
    status: 422,
    zh: '导入文件有错误，未写入任何数据。',
    en: 'The import file has errors; nothing was written.',
  },
  NOT_ELIGIBLE: {
    status: 422,
    zh: '不符合开具条件。',
    en: 'The conditions for this certificate are not met.',
  },
  REFERRED: {
    status: 422,
    zh: '需要到窗口人工办理。',
    en: 'This needs to be handled in person at a service window.',
  },
  RATE_LIMITED: {
    status: 429,
    zh: '操作过于频繁，请稍后再试。',
    en: 'Too many attempts; please wait and try again.',
  },
  SOURCE_UNAVAILABLE: {
    status: 503,
    zh: '部门数据暂时无法访问，请稍后再试。',
    en: 'A department’s data cannot be reached right now; try again later.',
  },
  NOT_READY: { status: 503, zh: '服务尚未就绪。', en: 'The service is not ready.' },
  CONFIG_INVALID: {
    status: 500,
    zh: '配置有误，服务无法启动。',
    en: 'The configuration is invalid; the service cannot start.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '账号或密码不正确，请重新输入。',
    en: 'The account or password is not correct; enter them again.',
  },
  INVALID_CODE: {
    status: 400,
    zh: '验证码不正确或已过期，请重新获取。',
    en: 'The code is wrong or has expired; request a new one.',
  },
  INVALID_CLIENT: {
    status: 401,
    zh: '客户端凭据无效。',
    en: 'The client credentials are not valid.',
  },
  CARD_NOT_RECOGNISED: {
    status: 422,
    zh: '无法识别身份证，请重新放置或到窗口办理。',
    en: 'The ID card could not be recognised; place it again or go to a service window.',
  },
  FACE_NOT_MATCHED: {
    status: 403,
    zh: '人脸核验未通过，请正对屏幕重试或到窗口办理。',
    en: 'The face check did not pass; look at the screen and try again, or go to a service window.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '该请求编号已用于另一项不同的请求。',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    zh: '相同的请求正在处理，请稍后查看结果。',
    en: 'The same request is still being processed; check again shortly.',
  },
  INTERNAL: { status: 500, zh: '系统内部错误，请稍后再试。', en: 'Internal error; please try again later.' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

/** One of the platform's stable error codes. */
export type ErrorCode = keyof typeof errorCatalogue;
