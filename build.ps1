#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, benchmarks and packages SupportTools. A thin wrapper over dotnet: `dotnet build` alone stages
    the module in out/SupportTools.
.EXAMPLE
    ./build.ps1 -Task Build, Test, Pester
.EXAMPLE
    ./build.ps1 -Task Bench
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Bench', 'Package')]
    [string[]] $Task = 'Build',

    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'SupportTools.sln'
$staged = Join-Path $root 'out' 'SupportTools'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "dotnet $Arguments" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build { Invoke-Dotnet build $solution -c $Configuration }

function Invoke-Test { Invoke-Dotnet test $solution -c $Configuration }

function Invoke-Pester5 {
    Invoke-Build
    $pester = Get-Module Pester -ListAvailable | Where-Object Version -GE '5.5.0' | Select-Object -First 1
    if (-not $pester) {
        Write-Host 'Installing Pester 5 for the current user' -ForegroundColor Cyan
        Install-Module Pester -MinimumVersion 5.5.0 -Scope CurrentUser -Force -SkipPublisherCheck
    }
    # A child pwsh: the module's assemblies stay out of this session, and its exit code says whether tests passed.
    $script = {
        param($Path)
        Import-Module Pester -MinimumVersion 5.5.0
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $Path
        $configuration.Run.Exit = $true
        $configuration.Output.Verbosity = 'Detailed'
        Invoke-Pester -Configuration $configuration
    }
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command $script -args (Join-Path $root 'tests' 'Pester')
    if ($LASTEXITCODE -ne 0) { throw "Pester failed ($LASTEXITCODE failed tests or an error)." }
}

function Invoke-Bench {
    Invoke-Dotnet run -c Release --project (Join-Path $root 'bench' 'SupportTools.Bench') -- all
    Invoke-Dotnet run -c Release --project (Join-Path $root 'bench' 'SupportTools.Bench') -- realism
}

function Invoke-Package {
    Invoke-Build
    $version = (Import-PowerShellDataFile (Join-Path $staged 'SupportTools.psd1')).ModuleVersion
    $artifacts = Join-Path $root 'artifacts'
    New-Item -ItemType Directory -Force -Path $artifacts | Out-Null
    $zip = Join-Path $artifacts "SupportTools-$version.zip"
    Compress-Archive -Path $staged -DestinationPath $zip -Force
    Write-Host "Packaged $zip"
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Pester' { Invoke-Pester5 }
        'Bench' { Invoke-Bench }
        'Package' { Invoke-Package }
    }
}
