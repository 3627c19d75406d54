# The README's quick start, run by .ci/run in the real pwsh as a user would: in an empty folder, against the staged
# module, stopping at the first error, with each step's result checked. Prints what a user would see.
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
function Assert-That([bool] $Condition, [string] $What) { if (-not $Condition) { throw "Quick start: $What" } }

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
$repo = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).Path
$samples = Join-Path $repo 'samples'
. (Join-Path $repo 'tests/Pester/TestServer.ps1')
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

    # Call statistics over the sample CDRs.
    $calls = Import-CallRecord -Path (Join-Path $samples 'cdrs.jsonl') -Database calls.db
    $calls | Out-Host
    Assert-That ($calls.Inserted -gt 1000 -and $calls.Inserted -eq $calls.Records) 'Import-CallRecord stored not every sample call'
    $daily = @(Get-CallStatistic Daily -Database calls.db -TimeZone Pacific/Auckland -GroupBy unanswered)
    $daily | Out-Host
    Assert-That ((($daily | Measure-Object Total -Sum).Sum) -eq $calls.Inserted) 'the daily totals do not add up to the calls imported'
    $json = Get-CallStatistic Hourly -Database calls.db -Filter '[{"name":"call_direction","op":"eq","val":"inbound"}]' | ConvertTo-CallStatisticJson
    Assert-That ($null -ne ($json | ConvertFrom-Json).data) 'ConvertTo-CallStatisticJson gave no data object'
    $regions = @(Get-CallCountry -Database calls.db | Get-CallRegion -Database calls.db)
    $regions | Select-Object -First 5 | Out-Host
    Assert-That ($regions.Country -contains 'New Zealand') 'no New Zealand region among the sample calls'
    Get-CallRecord -Database calls.db -Filter @{name='unanswered';op='eq';val=$true} | Export-Csv missed.csv
    Assert-That (@(Import-Csv missed.csv | Where-Object Unanswered -ne 'True').Count -eq 0) 'missed.csv holds answered calls'

    # Close leads: the sample file cleaned, then imported and reported through the Close mock.
    $drafts = @(Import-Csv (Join-Path $samples 'leads.csv') | ConvertTo-CloseLead)
    $drafts | Format-Table Row, Name, State, Phone, Revenue, Founded, IsValid | Out-Host
    Assert-That ($drafts.Count -eq 12 -and @($drafts | Where-Object IsValid).Count -ge 6 -and @($drafts | Where-Object { -not $_.IsValid }).Count -ge 3) 'ConvertTo-CloseLead did not sort the sample into valid and invalid rows'
    $close = Start-TestServer -Scenario close
    try {
        $key = ConvertTo-SecureString 'api_test_5x7yTeStKeY0123456789' -AsPlainText -Force
        $results = @(Import-CloseLead -Path (Join-Path $samples 'leads.csv') -ApiKey $key -BaseUri $close.BaseUri -FailedPath failed.csv -ErrorAction SilentlyContinue)
        $results | Sort-Object Row | Format-Table | Out-Host
        Assert-That (@($results | Where-Object Status -eq 'Created').Count -ge 5 -and (Test-Path failed.csv)) 'Import-CloseLead created too few leads or wrote no failed.csv'
        $segments = @(Get-CloseLead -ApiKey $key -BaseUri $close.BaseUri | Measure-CloseLead -By State)
        $segments | Out-Host
        Assert-That ((($segments | Measure-Object Leads -Sum).Sum) -eq @($results | Where-Object Status -eq 'Created' | Select-Object -Unique Name).Count) 'the segments do not count the created leads'
    }
    finally { $close.Stop() }

    # Desk cases through the Desk mock.
    $desk = Start-TestServer -Scenario desk -Argument @{ cases = 500; user = 'me@example.com'; password = 'pw' }
    try {
        $cred = [pscredential]::new('me@example.com', (ConvertTo-SecureString 'pw' -AsPlainText -Force))
        $cases = @(Get-DeskCase -BaseUri $desk.BaseUri -Credential $cred)
        Assert-That ($cases.Count -eq 500) "Get-DeskCase pulled $($cases.Count) cases, not 500"
        $described = @($cases | Where-Object Type -eq email | Measure-DeskCase -By AssignedUserUri)
        $described | Select-Object -First 8 | Out-Host
        Assert-That ($described.Count -gt 4) 'Measure-DeskCase described too few groups'
    }
    finally { $desk.Stop() }

    Write-Host "Quick start passed in $folder ($($rows.Count) durations, $($often.Count) tickets reopened more than once, $($calls.Inserted) calls, $($cases.Count) Desk cases)."
}
finally {
    Pop-Location
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction Ignore
}
