# Dot-sourced by the call query tests: a store with known calls, written through the store's own import API (what
# Import-CallRecord uses), so the queries are tested on exact data. Not a test file itself (no .Tests.ps1 suffix).

# Creates $Path with one call per row: @(id, ISO time, duration, unanswered, direction[, caller zone]).
function New-CallTestStore([string] $Path, [object[]] $Calls) {
    $none = [NullString]::Value # PowerShell passes $null to a string parameter as ''
    # SupportTools.Core loads into the module's private context, where type literals do not reach (README).
    $callStore = [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'SupportTools.Core' }, 'First')[0].GetType('SupportTools.Calls.CallStore', $true)
    $store = $callStore::Open($Path)
    $batch = $store.BeginImport('test')
    try {
        foreach ($c in $Calls) {
            $direction = if ($null -eq $c[4]) { $none } else { $c[4] }
            $zone = if ($c.Count -gt 5) { [long] $c[5] } else { $null }
            $batch.Add([SupportTools.Calls.CallRecord]::new($c[0], [datetimeoffset]::Parse($c[1], [cultureinfo]::InvariantCulture), $direction,
                    [long] $c[2], $(if ($c[3]) { 0 } else { [long] $c[2] - 2 }), 2, '+6434181234', 'Jo Bloggs', '+6495551234',
                    $(if ($c[3]) { 'NO_ANSWER' } else { 'NORMAL_CLEARING' }), [bool] $c[3], $zone, $null))
        }
        [void] $batch.Commit()
    }
    finally { $batch.Dispose(); $store.Dispose() }
    $Path
}

# The service documentation's example hour (six answered calls at 08:00 NZDT on 4 March 2016, durations 5, 6, 6, 7,
# 11, 79), two unanswered calls the hour after, and a call on each side of the New Zealand fall-back of 5 April 2026
# (02:30 NZDT and 02:30 NZST).
$callTestCalls = @(
    ,@('a0', '2016-03-03T19:00:00Z', 5, $false, 'inbound', 7)
    ,@('a1', '2016-03-03T19:05:00Z', 6, $false, 'inbound', 7)
    ,@('a2', '2016-03-03T19:10:00Z', 6, $false, 'outbound', 8)
    ,@('a3', '2016-03-03T19:15:00Z', 7, $false, 'inbound', 7)
    ,@('a4', '2016-03-03T19:20:00Z', 11, $false, 'inbound')
    ,@('a5', '2016-03-03T19:25:00Z', 79, $false, 'outbound')
    ,@('u1', '2016-03-03T20:10:00Z', 3, $true, 'inbound')
    ,@('u2', '2016-03-03T20:20:00Z', 2, $true, $null)
    ,@('d1', '2026-04-04T13:30:00Z', 100, $false, 'inbound')
    ,@('d2', '2026-04-04T14:30:00Z', 200, $true, 'inbound')
)
