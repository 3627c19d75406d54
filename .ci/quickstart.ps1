# The README's quick start, run by .ci/run in the real pwsh as a user would: in an empty folder, against the staged
# module, stopping at the first error, with each step's result checked. Prints what a user would see.
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
function Assert-That([bool] $Condition, [string] $What) { if (-not $Condition) { throw "Quick start: $What" } }

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
$folder = Join-Path ([IO.Path]::GetTempPath()) ('supporttools-quickstart-' + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $folder | Out-Null
Push-Location $folder
try {
    Import-Module $ModulePath

    $generated = New-TicketActivity -TicketCount 1000 -Seed 7 -Path activities.json
    $generated | Out-Host
    Assert-That ($generated.Tickets -eq 1000 -and (Test-Path activities.json)) 'New-TicketActivity wrote no 1000-ticket file'

    $imported = Import-TicketActivity -Path activities.json -Database tickets.db
    $imported | Out-Host
    Assert-That ($imported.Activities -eq $generated.Activities -and $imported.Inserted -eq $generated.Activities) 'the import did not store every activity'

    Get-TicketDuration -Database tickets.db | Export-Csv durations.csv
    $rows = @(Import-Csv durations.csv)
    Assert-That ($rows.Count -eq 1000) "durations.csv has $($rows.Count) rows, not 1000"

    # A random seed: there may be no reopened ticket, but whatever comes back must be one.
    $reopened = @(New-TicketActivity -TicketCount 50 | Get-TicketDuration | Where-Object Reopens -gt 0)
    $reopened | Out-Host
    Assert-That (@($reopened | Where-Object { $_.Reopens -le 0 }).Count -eq 0) 'Where-Object Reopens -gt 0 let a ticket through'

    $often = @(Get-TicketDuration -Database tickets.db | Where-Object Reopens -gt 1)
    $history = @(Get-TicketDuration -Database tickets.db | Where-Object Reopens -gt 1 | Get-TicketActivity -Database tickets.db)
    $history | Out-Host
    $expected = [int] ($often | Measure-Object ActivityCount -Sum).Sum
    Assert-That ($history.Count -eq $expected) "the piped history has $($history.Count) activities, the durations count $expected"
    Assert-That (@($history | Where-Object TicketId -NotIn $often.TicketId).Count -eq 0) 'the history holds other tickets'

    Write-Host "Quick start passed in $folder ($($rows.Count) durations, $($often.Count) tickets reopened more than once)."
}
finally {
    Pop-Location
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction Ignore
}
