; Headroom's additions to electron-builder's NSIS installer (electron-builder.yml, nsis.include).
; "Start at login" is Electron's login item: a value named after the AppUserModelID (dev.headroom.app) under the
; user's Run key, and Windows' record of whether the user allowed it under StartupApproved. An uninstall removes
; both, so Windows does not try to start an app that is gone. An update (the uninstaller run with --updated) keeps them.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "dev.headroom.app"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "dev.headroom.app"
  ${endIf}
!macroend
