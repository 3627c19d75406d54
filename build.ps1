#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, benchmarks and packages SupportTools.

.DESCRIPTION
    A thin wrapper over dotnet. `dotnet build` alone stages the loadable module in out/<Configuration>/SupportTools
    (MSBuild does the staging), so this script only chains the steps and fails as soon as one fails.

    Build    dotnet build SupportTools.sln
    Test     dotnet test SupportTools.sln (xunit: core and hosted-engine module tests, and tests/Pester in-process)
    Pester   Build, then tests/Pester in a child pwsh against the staged module, with the Pester the test project
             restores (NuGet package Pester) or any installed Pester 5.5 or later; never installs from the internet
    Bench    Throughput benchmarks (always Release)
    Demo     Build, then the README's quick start as written there (every capability on the shipped samples and the
             loopback Close and Desk mocks) in a child pwsh, in the repository root, with checks of what it produced
    Package  Build, then zip out/<Configuration>/SupportTools into artifacts/SupportTools-<ModuleVersion>.zip

.EXAMPLE
    ./build.ps1

    Builds the solution in Release and stages out/Release/SupportTools.

.EXAMPLE
    ./build.ps1 -Task Test, Pester -Configuration Debug

    Runs the xunit tests, then the Pester tests, against a Debug build.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Bench', 'Package')]
    [string[]] $Task = 'Build',

    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$solution = Join-Path $PSScriptRoot 'SupportTools.sln'
$stagedModule = Join-Path $PSScriptRoot 'out' $Configuration 'SupportTools'
$pesterTests = Join-Path $PSScriptRoot 'tests' 'Pester'
$pesterResults = Join-Path $PSScriptRoot 'TestResults' 'Pester'
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

function Find-Pester {
    # The test project restores the NuGet package Pester (a PackageDownload) into the global packages folder, as
    # <packages>/pester/<version>/tools/Pester.psd1; the build before this step has restored it. Else any Pester
    # 5.5 or later that is installed as a module. The newest wins.
    $packagesLine = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw "dotnet nuget locals failed with exit code $LASTEXITCODE." }
    $packages = ($packagesLine -replace '^global-packages:\s*', '').Trim()
    $restored = foreach ($manifest in Get-ChildItem -Path (Join-Path $packages 'pester' '*' 'tools' 'Pester.psd1') -ErrorAction Ignore) {
        $version = $null
        if ([version]::TryParse($manifest.Directory.Parent.Name, [ref] $version)) {
            [pscustomobject] @{ Version = $version; Path = $manifest.FullName }
        }
    }
    $installed = Get-Module Pester -ListAvailable | ForEach-Object { [pscustomobject] @{ Version = $_.Version; Path = $_.Path } }
    $best = @($restored) + @($installed) | Where-Object { $_ -and $_.Version -ge $minimumPester } |
        Sort-Object Version -Descending | Select-Object -First 1
    if (-not $best) {
        throw "No Pester $minimumPester or later: restore the test project (dotnet restore SupportTools.sln) or install Pester."
    }
    Write-Host "Using Pester $($best.Version) from $($best.Path)" -ForegroundColor Cyan
    $best.Path
}

function Get-PwshPath {
    # The same pwsh that runs this script: $PSHOME holds its executable, also when it runs as the dotnet tool (whose
    # process is dotnet); fall back to PATH when hosted by something else.
    $beside = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    if (Test-Path -LiteralPath $beside) { return $beside }
    (Get-Command pwsh -CommandType Application | Select-Object -First 1).Source
}

function Invoke-PesterTask {
    Invoke-BuildTask
    $pester = Find-Pester
    New-Item -ItemType Directory -Path $pesterResults -Force | Out-Null
    # A child pwsh: the module's assemblies cannot be unloaded, so they stay out of this session, and the child's
    # exit code (-ExitCode) is the number of failures. The script sets SUPPORTTOOLS_TEST_MODULE to the staging to test.
    $resultFile = Join-Path $pesterResults 'build-pester.xml'
    & (Get-PwshPath) -NoProfile -NonInteractive -File (Join-Path $pesterTests 'Invoke-SupportToolsPester.ps1') `
        -PesterManifest $pester -Path $pesterTests -ResultFile $resultFile -StagedModule $stagedModule -Verbosity Detailed -ExitCode
    if ($LASTEXITCODE -ne 0) {
        throw "Pester failed: $LASTEXITCODE failed test(s), or the run itself failed."
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    # A child pwsh, as for Pester: the module's assemblies stay out of this session.
    & (Get-PwshPath) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot '.ci' 'quickstart.ps1')
    if ($LASTEXITCODE -ne 0) {
        throw "The quick start failed (exit code $LASTEXITCODE)."
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
        'Demo' { Invoke-DemoTask }
        'Bench' { Invoke-BenchTask }
        'Package' { Invoke-PackageTask }
    }
}
