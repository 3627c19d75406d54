# The README's quick start, as written there (its first ```powershell block), run in the repository's root folder in
# a real pwsh as a user would paste it; then checks of what it produced. Used by .ci/run and `build.ps1 -Task Demo`.
# Errors the README announces (the sample's invalid lead rows) are expected; any other error fails the run.

$repo = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'ReadmeBlock.ps1')
$quickStart = Get-ReadmeBlock -ReadmePath (Join-Path $repo 'README.md') -Heading 'Quick start'
$expectedErrors = @('InvalidLeadRow')

Push-Location $repo
try {
    # What the quick start writes, removed first so the checks see this run's files.
    Remove-Item activities.json, tickets.db*, calls.db*, durations.csv, missed.csv, failed.csv, segments.csv -ErrorAction Ignore
    $Error.Clear()
    $ErrorActionPreference = 'Continue'
    try {
        # Statement by statement, each formatted on its own, as when pasted into a prompt.
        $statements = [Management.Automation.Language.Parser]::ParseInput($quickStart, [ref] $null, [ref] $null).EndBlock.Statements
        foreach ($statement in $statements) { . ([scriptblock]::Create($statement.Extent.Text)) | Out-String -Width 120 -Stream | Write-Host }
    }
    finally {
        # A failure half-way must not leave a mock server running.
        foreach ($server in @(Get-Variable close, desk -ValueOnly -ErrorAction Ignore)) { if ($server -and $server.PSObject.Methods['Stop']) { $server.Stop() } }
    }
    $problems = [Collections.Generic.List[string]]::new()
    function Assert-That([bool] $Condition, [string] $What) { if (-not $Condition) { $problems.Add($What) } }
    $unexpected = @($Error | Where-Object { -not ($_ -is [Management.Automation.ErrorRecord] -and ($_.FullyQualifiedErrorId -split ',')[0] -in $expectedErrors) })
    foreach ($e in $unexpected) { $problems.Add("unexpected error: $(if ($e -is [Management.Automation.ErrorRecord]) { $e.FullyQualifiedErrorId } else { $e.GetType().Name }): $e") }
    Assert-That (@($Error | Where-Object { $_ -is [Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'InvalidLeadRow*' }).Count -ge 3) 'Import-CloseLead reported fewer than 3 invalid sample rows'

    $durations = @(if (Test-Path durations.csv) { Import-Csv durations.csv })
    Assert-That ($durations.Count -eq 1000) "durations.csv has $($durations.Count) rows, not 1000"
    $missed = @(if (Test-Path missed.csv) { Import-Csv missed.csv })
    Assert-That ($missed.Count -gt 0 -and @($missed | Where-Object Unanswered -ne 'True').Count -eq 0) 'missed.csv is empty or holds answered calls'
    $segments = @(if (Test-Path segments.csv) { Import-Csv segments.csv })
    Assert-That ($segments.Count -gt 0) 'segments.csv has no state'
    $failed = @(if (Test-Path failed.csv) { Import-Csv failed.csv })
    Assert-That ($failed.Count -ge 3) "failed.csv has $($failed.Count) rows, not the sample's invalid ones"
    Assert-That ((Test-Path tickets.db) -and (Test-Path calls.db)) 'the quick start made no tickets.db or calls.db'

    if ($problems.Count -gt 0) {
        $problems | ForEach-Object { Write-Host "Quick start: $_" -ForegroundColor Red }
        exit 1
    }
    Write-Host "Quick start passed, as written in README.md ($($durations.Count) durations, $($missed.Count) missed calls, $($segments.Count) Close states, $($failed.Count) failed lead rows)."
}
finally {
    Pop-Location
}
