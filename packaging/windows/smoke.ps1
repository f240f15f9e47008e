# Smoke test of the Windows bundle (the Linux one is packaging/smoke.sh).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\smoke.ps1 [dist\dossier]
# Runs the bundled dossier.exe with a fresh profile folder and no Python on PATH.
param([string]$Bundle = "dist\dossier")
$ErrorActionPreference = "Stop"
$exe = Join-Path (Resolve-Path $Bundle) "dossier.exe"
$work = Join-Path $env:TEMP ("dossier-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null
$env:PATH = "$env:SystemRoot\System32"          # no Python anywhere
$env:LOCALAPPDATA = $work; $env:APPDATA = $work  # a fresh profile for the default store
$env:QT_QPA_PLATFORM = "offscreen"
$failures = 0
function Step($name, [scriptblock]$body) {
    & $body *> (Join-Path $work "out.txt")
    if ($LASTEXITCODE -eq 0) { Write-Output "ok    $name" }
    else { Write-Output "FAIL  $name"; Get-Content (Join-Path $work "out.txt"); $script:failures++ }
}
$store = Join-Path $work "fresh.db"
$article = Join-Path (Resolve-Path $Bundle) "_internal\dossier\_data\resources\samples\article_baku_visit_ru.txt"
Step "--version" { & $exe --version }
Step "brief --sample" { & $exe brief --sample --out (Join-Path $work "brief.pdf") }
Step "sample + check" { & $exe sample --out $store; if ($LASTEXITCODE -eq 0) { & $exe --store $store check } }
Step "capture" { & $exe --store $store capture $article }
Step "gui --smoke" { & $exe --store $store gui --smoke }
Remove-Item -Recurse -Force $work
if ($failures -gt 0) { Write-Output "smoke: $failures step(s) failed"; exit 1 }
Write-Output "smoke: all steps passed"
