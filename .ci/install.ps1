# The README's install from the release zip, as written there (the first ```powershell block under 'Install'), run
# in a child pwsh whose home is a fresh temporary folder: pwsh puts the home's module folder first on PSModulePath,
# so the block installs there as it would for a user, and not into this machine's modules. Needs artifacts/SupportTools-<version>.zip (./build.ps1 -Task Package). Exits non-zero on failure.
$repo = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'ReadmeBlock.ps1')
$install = Get-ReadmeBlock -ReadmePath (Join-Path $repo 'README.md') -Heading 'Install'
$fakeHome = Join-Path ([IO.Path]::GetTempPath()) ('supporttools-install-' + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $fakeHome | Out-Null
$check = @'
$ErrorActionPreference = 'Stop'
__INSTALL__
$module = Get-Module SupportTools
if (-not $module) { throw 'Import-Module SupportTools loaded nothing.' }
if ($module.ModuleBase -notlike '__HOME__*') { throw "SupportTools was loaded from $($module.ModuleBase), not from the installed copy." }
$declared = (Import-PowerShellDataFile (Join-Path $module.ModuleBase 'SupportTools.psd1')).CmdletsToExport
if ($module.ExportedCmdlets.Count -ne $declared.Count) { throw "The installed module exports $($module.ExportedCmdlets.Count) cmdlets, its manifest $($declared.Count)." }
New-TicketActivity -TicketCount 3 -Seed 1 | Get-TicketDuration | Out-Null
# The installed layout keeps the dependencies isolated (README, "Dependencies are isolated"): Core from Dependencies/ in
# the module's own load context, the types users name resolvable as type literals.
$schedule = New-BusinessSchedule -TimeZone Europe/Berlin -Hours @{ 'Mon-Fri' = '09:00-17:00' }
if ($schedule -isnot [SupportTools.Tickets.BusinessSchedule]) { throw 'New-BusinessSchedule did not return a [SupportTools.Tickets.BusinessSchedule].' }
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SupportTools.Core' }
if (-not $core -or $core.Location -notlike (Join-Path $module.ModuleBase 'Dependencies' '*') -or
    [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name -ne 'SupportTools') {
    throw "SupportTools.Core did not load from Dependencies/ into the module's own load context ($($core.Location))."
}
Write-Host "Install passed: $($module.ExportedCmdlets.Count) cmdlets from $($module.ModuleBase)"
'@
$check = $check.Replace('__INSTALL__', $install).Replace('__HOME__', $fakeHome)
# This same pwsh: $PSHOME holds its executable (also when it runs as the dotnet tool, whose process is dotnet).
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
Push-Location $repo
try {
    $saved = $env:HOME, $env:XDG_DATA_HOME, $env:PSModulePath
    $env:HOME = $fakeHome; $env:XDG_DATA_HOME = $null; $env:PSModulePath = $null
    & $pwsh -NoProfile -NonInteractive -Command $check
    $status = $LASTEXITCODE
}
finally {
    $env:HOME, $env:XDG_DATA_HOME, $env:PSModulePath = $saved
    Pop-Location
    Remove-Item -LiteralPath $fakeHome -Recurse -Force -ErrorAction Ignore
}
exit $status
