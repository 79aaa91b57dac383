@echo off
rem headroom on PATH: runs the compiled CLI with Headroom's own runtime, as VS Code's bin\code.cmd does.
rem ELECTRON_RUN_AS_NODE=1 makes Headroom.exe a plain Node; the RunAsNode fuse stays on for it (electron-builder.yml).
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\Headroom.exe" "%~dp0..\cli\headroom.cjs" %*
set HEADROOM_EXIT=%ERRORLEVEL%
endlocal & exit /b %HEADROOM_EXIT%
