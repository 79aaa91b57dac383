; Headroom's additions to electron-builder's NSIS installer: the `headroom` command on the user's PATH, and an
; uninstall that removes what Headroom added to the user's sign-in ("Start at login" is Electron's login item: a value
; named after the AppUserModelID, dev.headroom.app, under the user's Run key, and Windows' record under
; StartupApproved), so Windows does not try to start an app that is gone.
; A page after the folder choice offers it (ticked by default); the installer adds $INSTDIR\resources\bin (which
; holds headroom.cmd) to the user's Path, and the uninstaller removes exactly that entry again. Silent updates keep
; the choice made at the first install (HKCU\Software\Headroom\AddToPath).
!include nsDialogs.nsh
!include LogicLib.nsh
!include WinMessages.nsh
!include WordFunc.nsh

; The uninstaller is compiled in a pass of its own (BUILD_UNINSTALLER), where the page is never used: NSIS would
; warn about an unused variable or function, and electron-builder treats warnings as errors.
!ifndef BUILD_UNINSTALLER
Var HeadroomPathBox
Var HeadroomAddToPath

!macro customPageAfterChangeDir
  Page custom HeadroomPathPage HeadroomPathPageLeave
!macroend

Function HeadroomPathPage
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 24u "Headroom has a command line too: headroom doctor, headroom fit, headroom verify."
  Pop $0
  ${NSD_CreateCheckbox} 0 30u 100% 12u "Add the headroom command to PATH (works in every new terminal)"
  Pop $HeadroomPathBox
  ${NSD_Check} $HeadroomPathBox
  nsDialogs::Show
FunctionEnd

Function HeadroomPathPageLeave
  ${NSD_GetState} $HeadroomPathBox $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $HeadroomAddToPath "1"
  ${Else}
    StrCpy $HeadroomAddToPath "0"
  ${EndIf}
FunctionEnd

!macro customInstall
  ; No page shown (a silent install or update): keep the earlier choice, on when there was none.
  ${If} $HeadroomAddToPath == ""
    ReadRegStr $HeadroomAddToPath HKCU "Software\Headroom" "AddToPath"
    ${If} $HeadroomAddToPath == ""
      StrCpy $HeadroomAddToPath "1"
    ${EndIf}
  ${EndIf}
  WriteRegStr HKCU "Software\Headroom" "AddToPath" $HeadroomAddToPath
  ${If} $HeadroomAddToPath == "1"
    ReadRegStr $0 HKCU "Environment" "Path"
    StrLen $1 $0
    ; A Path longer than NSIS can hold would come back cut short: leave it alone rather than damage it.
    ${If} $1 < ${NSIS_MAX_STRLEN}
      ${WordAdd} "$0" ";" "+$INSTDIR\resources\bin" $2
      WriteRegExpandStr HKCU "Environment" "Path" "$2"
      WriteRegStr HKCU "Software\Headroom" "PathEntry" "$INSTDIR\resources\bin"
      SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
    ${EndIf}
  ${EndIf}
!macroend

!endif

!macro customUnInstall
  ; An update runs the old uninstaller first: keep the entry, the new version installs to the same folder.
  ${IfNot} ${isUpdated}
    ReadRegStr $3 HKCU "Software\Headroom" "PathEntry"
    ${If} $3 != ""
      ReadRegStr $0 HKCU "Environment" "Path"
      StrLen $1 $0
      ${If} $1 < ${NSIS_MAX_STRLEN}
        ${un.WordAdd} "$0" ";" "-$3" $2
        WriteRegExpandStr HKCU "Environment" "Path" "$2"
        SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
      ${EndIf}
    ${EndIf}
    DeleteRegKey HKCU "Software\Headroom"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "dev.headroom.app"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "dev.headroom.app"
  ${EndIf}
!macroend
