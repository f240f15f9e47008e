; Inno Setup script: turns the PyInstaller bundle (dist\dossier) into one setup .exe.
;
; On the Windows build machine, from the project root (see packaging\README.md):
;   py -m PyInstaller --noconfirm --clean packaging\dossier.spec
;   $v = py -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
;   iscc /DAppVersion=$v packaging\windows\dossier.iss
; Output: dist\dossier-<version>-windows-setup.exe
;
; Installs for the current user by default (no admin rights needed); an
; administrator may choose "all users" in the first dialog. Uninstalling removes
; the program and its shortcuts; the user's stores in %LOCALAPPDATA%\Dossier stay.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z dossier.iss
#endif

[Setup]
; The AppId identifies the app for upgrades and uninstall: never change it.
AppId={{EC350352-D70D-4766-A8CA-BCF1294666CE}
AppName=Dossier
AppVersion={#AppVersion}
AppVerName=Dossier {#AppVersion}
AppPublisher=Dossier
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Dossier
DefaultGroupName=Dossier
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=dossier-{#AppVersion}-windows-setup
SetupIconFile=packaging\windows\dossier.ico
UninstallDisplayIcon={app}\dossier-gui.exe
UninstallDisplayName=Dossier {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: dossier-gui.exe (the app), dossier.exe (the command
; line) and _internal\ (Python, Qt, models, fonts, migrations, the sample).
Source: "dist\dossier\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Dossier"; Filename: "{app}\dossier-gui.exe"
Name: "{autodesktop}\Dossier"; Filename: "{app}\dossier-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\dossier-gui.exe"; Description: "{cm:LaunchProgram,Dossier}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: the user's dossier stores are theirs.
