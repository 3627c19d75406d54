# Memory of a Desk pull (not part of the test run): starts the test server's `desk` scenario with -Cases cases, pulls
# them with Get-DeskCase in this pwsh, streaming into Measure-DeskCase (which keeps 4 numbers per case) or into a
# counter, and samples this process's memory every 10,000 cases. Flat means the streaming pull does not grow with the
# number of cases.
#   dotnet build SupportTools.sln -c Release; pwsh bench/desk-memory.ps1 [-Cases 100000] [-Sink Count|Measure|Keep]
param([int] $Cases = 100000, [ValidateSet('Count', 'Measure', 'Keep')] [string] $Sink = 'Count', [int] $PerPage = 100)
$ErrorActionPreference = 'Stop'
$root = Join-Path $PSScriptRoot '..'
Import-Module (Join-Path $root 'out' 'Release' 'SupportTools' 'SupportTools.psd1')
$start = [Diagnostics.ProcessStartInfo]::new('dotnet')
$start.ArgumentList.Add((Join-Path $root 'tests' 'SupportTools.TestServer' 'bin' 'Release' 'net10.0' 'SupportTools.TestServer.dll'))
foreach ($a in 'desk', '--cases', "$Cases", '--user', 'bench@example.com', '--password', 'bench') { $start.ArgumentList.Add($a) }
$start.RedirectStandardInput = $true
$start.RedirectStandardOutput = $true
$server = [Diagnostics.Process]::Start($start)
try {
    $uri = $server.StandardOutput.ReadLine()
    $cred = [pscredential]::new('bench@example.com', (ConvertTo-SecureString 'bench' -AsPlainText -Force))
    $me = [Diagnostics.Process]::GetCurrentProcess()
    $samples = [Collections.Generic.List[object]]::new()
    $sample = {
        param($n)
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); $me.Refresh()
        $samples.Add([pscustomobject]@{ Cases = $n; ManagedMB = [math]::Round([GC]::GetTotalMemory($false) / 1MB, 1); WorkingSetMB = [math]::Round($me.WorkingSet64 / 1MB, 1) })
    }
    & $sample 0
    $n = 0
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $kept = [Collections.Generic.List[object]]::new()
    $tap = { process { $script:n++; if ($Sink -eq 'Keep') { $kept.Add($_) }; if ($script:n % 10000 -eq 0) { & $sample $script:n }; $_ } }
    switch ($Sink) {
        'Measure' { $stats = @(Get-DeskCase -BaseUri $uri -Credential $cred -PerPage $PerPage | & $tap | Measure-DeskCase -By AssignedUserUri) }
        default { Get-DeskCase -BaseUri $uri -Credential $cred -PerPage $PerPage | & $tap | Out-Null }
    }
    $clock.Stop()
    & $sample $n
    $samples | Format-Table | Out-String | Write-Host
    $peak = ($samples | Measure-Object ManagedMB -Maximum).Maximum
    Write-Host ("{0:N0} cases ({1}) in {2:N1} s ({3:N0} cases/s); managed memory {4} MB at the start, peak {5} MB; peak working set {6} MB" -f
        $n, $Sink, $clock.Elapsed.TotalSeconds, ($n / $clock.Elapsed.TotalSeconds), $samples[0].ManagedMB, $peak, ($samples | Measure-Object WorkingSetMB -Maximum).Maximum)
}
finally {
    $server.StandardInput.Close()
    if (-not $server.WaitForExit(10000)) { $server.Kill() }
}
