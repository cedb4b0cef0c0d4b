; Inno Setup script: Windows installer for the one-folder build in dist\Inspector.
;   make package                                   (on Windows: builds dist\Inspector)
;   iscc /DAppVersion=0.1.0 packaging\windows\inspector.iss
; writes dist\Inspector-0.1.0-setup.exe. Sign it as packaging/README.md says.
;
; Installing a newer version over an older one replaces the program files only. The data
; folder (%LOCALAPPDATA%\Inspector: database, photos, backups, logs) is never part of the
; installation, so neither an update nor an uninstall touches it; the newer program
; upgrades the database after taking a backup.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (pyproject.toml's version)
#endif

[Setup]
; Never change the AppId: it is how an update finds the installed version.
AppId={{6F0C7A52-3B7E-4C0B-9B5D-1E2A9C4D7F31}
AppName=Inspector
AppVersion={#AppVersion}
AppVerName=Inspector {#AppVersion}
AppPublisher=The Inspector team
DefaultDirName={autopf}\Inspector
DefaultGroupName=Inspector
DisableProgramGroupPage=yes
; Per-user install by default (no administrator rights needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Inspector-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\inspector.ico
UninstallDisplayIcon={app}\inspector-app.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The program must not be running while its files are replaced.
CloseApplications=yes
RestartApplications=no
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the inspector command to PATH"; Flags: unchecked

[InstallDelete]
; A newer build may drop files the older one had: clear the bundled libraries first.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\Inspector\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Inspector"; Filename: "{app}\inspector-app.exe"
Name: "{autodesktop}\Inspector"; Filename: "{app}\inspector-app.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\inspector-app.exe"; Description: "{cm:LaunchProgram,Inspector}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;
