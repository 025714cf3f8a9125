// Who the app is to Windows: the AppUserModelID groups the pinned shortcut and
// the running window under one taskbar icon. It is electron-builder.yml's
// appId, which the installer gives the shortcuts (a test keeps them equal).
export const APP_USER_MODEL_ID = 'cn.gov.nianbao';
