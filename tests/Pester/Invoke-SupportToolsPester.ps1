# Runs Pester with the project's settings over tests/Pester (or one file of it) against a staged module, writing
# Pester's own NUnit 3 result file. One definition for both runners: the PesterSuite xunit class (in-process, reads the
# summary object) and build.ps1 -Task Pester (a child pwsh, reads the exit code given with -ExitCode).
# Not a test file itself (no .Tests.ps1 suffix).
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultFile,
    [Parameter(Mandatory)] [string] $StagedModule,
    [ValidateSet('None', 'Normal', 'Detailed')] [string] $Verbosity = 'None',
    # Exit with the number of failures (tests, blocks, files) instead of emitting the summary object.
    [switch] $ExitCode
)
$ErrorActionPreference = 'Stop'
$env:SUPPORTTOOLS_TEST_MODULE = $StagedModule
Import-Module $PesterManifest
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = $Verbosity
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnit3'
$configuration.TestResult.OutputPath = $ResultFile
$run = Invoke-Pester -Configuration $configuration
$failures = @(
    foreach ($test in $run.Failed) { "$($test.ExpandedPath): $($test.ErrorRecord | Select-Object -First 1)" }
    foreach ($block in $run.FailedBlocks) { "$($block.Path -join ' '): $($block.ErrorRecord | Select-Object -First 1)" }
    foreach ($container in $run.FailedContainers) { "$($container.Item): $($container.ErrorRecord | Select-Object -First 1)" }
)
if ($ExitCode) {
    exit ($failures.Count + $(if ($run.Result -eq 'Passed') { 0 } else { 1 }))
}
[pscustomobject] @{ Result = $run.Result; Total = $run.TotalCount; Failures = $failures }
