#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, benchmarks and packages SupportTools.

.DESCRIPTION
    A thin wrapper over dotnet. `dotnet build` alone stages the loadable module in out/SupportTools (MSBuild does
    the staging), so this script only chains the steps and fails as soon as one fails.

    Build    dotnet build SupportTools.sln
    Test     dotnet test SupportTools.sln (xunit: core and hosted-engine module tests)
    Pester   Build, then tests/Pester in a child pwsh against the staged module (installs Pester 5 if missing)
    Bench    Throughput benchmarks (always Release)
    Package  Build, then zip out/SupportTools into artifacts/SupportTools-<ModuleVersion>.zip

.EXAMPLE
    ./build.ps1

    Builds the solution in Release and stages out/SupportTools.

.EXAMPLE
    ./build.ps1 -Task Test, Pester -Configuration Debug

    Runs the xunit tests, then the Pester tests, against a Debug build.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Bench', 'Package')]
    [string[]] $Task = 'Build',

    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$solution = Join-Path $PSScriptRoot 'SupportTools.sln'
$stagedModule = Join-Path $PSScriptRoot 'out' 'SupportTools'
$pesterTests = Join-Path $PSScriptRoot 'tests' 'Pester'
$minimumPester = [version] '5.5.0'

function Invoke-Dotnet {
    # Native commands do not throw on failure, even with $ErrorActionPreference = 'Stop': check the exit code.
    # The arguments come as one array, so dotnet options such as -v or -c never bind to this function's own parameters.
    param([Parameter(Mandatory)] [string[]] $Arguments)

    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    Invoke-Dotnet 'build', $solution, '--configuration', $Configuration
}

function Invoke-TestTask {
    Invoke-Dotnet 'test', $solution, '--configuration', $Configuration
}

function Install-PesterIfMissing {
    $installed = Get-Module Pester -ListAvailable | Where-Object Version -GE $minimumPester
    if ($installed) { return }
    Write-Host "Installing Pester $minimumPester or later for the current user" -ForegroundColor Cyan
    # -SkipPublisherCheck: Windows ships an old Pester signed by a different publisher, which would block the install.
    Install-Module Pester -MinimumVersion $minimumPester -Scope CurrentUser -Force -SkipPublisherCheck
}

function Get-PwshPath {
    # The same pwsh that runs this script; fall back to PATH when hosted by something else.
    $current = [Environment]::ProcessPath
    if ($current -and [IO.Path]::GetFileNameWithoutExtension($current) -eq 'pwsh') { return $current }
    (Get-Command pwsh -CommandType Application | Select-Object -First 1).Source
}

function Invoke-PesterTask {
    Invoke-BuildTask
    Install-PesterIfMissing
    # A child pwsh: the module's assemblies cannot be unloaded, so they stay out of this session, and the child's
    # exit code (Run.Exit) is the number of failed tests.
    $runPester = {
        param([string] $Path, [version] $MinimumVersion)
        $ErrorActionPreference = 'Stop'
        Import-Module Pester -MinimumVersion $MinimumVersion
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $Path
        $configuration.Run.Exit = $true
        $configuration.Output.Verbosity = 'Detailed'
        Invoke-Pester -Configuration $configuration
    }
    & (Get-PwshPath) -NoProfile -NonInteractive -Command $runPester -args $pesterTests, $minimumPester
    if ($LASTEXITCODE -ne 0) {
        throw "Pester failed: $LASTEXITCODE failed test(s), or the run itself failed."
    }
}

function Invoke-BenchTask {
    $project = Join-Path $PSScriptRoot 'bench' 'SupportTools.Bench'
    Invoke-Dotnet 'run', '--configuration', 'Release', '--project', $project, '--', 'all'
    Invoke-Dotnet 'run', '--configuration', 'Release', '--project', $project, '--', 'realism'
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $manifest = Join-Path $stagedModule 'SupportTools.psd1'
    $version = (Import-PowerShellDataFile -Path $manifest).ModuleVersion
    $artifacts = Join-Path $PSScriptRoot 'artifacts'
    New-Item -ItemType Directory -Path $artifacts -Force | Out-Null
    $zip = Join-Path $artifacts "SupportTools-$version.zip"
    # The folder itself goes in, so the archive unpacks to SupportTools/ (a module folder Import-Module accepts).
    Compress-Archive -Path $stagedModule -DestinationPath $zip -Force
    Write-Host "Packaged $zip" -ForegroundColor Green
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Pester' { Invoke-PesterTask }
        'Bench' { Invoke-BenchTask }
        'Package' { Invoke-PackageTask }
    }
}
