# Dot-sourced by Pester files that need an HTTP service: starts the loopback test server's console host
# (tests/SupportTools.TestServer) on a scenario, and stops it. Not a test file itself (no .Tests.ps1 suffix).
#   $server = Start-TestServer -Scenario desk -Argument @{ pages = 3; 'rate-limit' = '20/1s' }
#   Get-DeskCase -BaseUri $server.BaseUri ...
#   $server.Stop()      # or: $server | Stop-TestServer

# The server built in the configuration of the module under test: SUPPORTTOOLS_TEST_MODULE (set by both runners) is
# out/<Configuration>/SupportTools, the server is tests/SupportTools.TestServer/bin/<Configuration>/net10.0.
function Get-TestServerAssembly {
    $configuration = if ($env:SUPPORTTOOLS_TEST_MODULE) { Split-Path (Split-Path $env:SUPPORTTOOLS_TEST_MODULE -Parent) -Leaf } else { 'Release' }
    $assembly = Join-Path $PSScriptRoot '..' 'SupportTools.TestServer' 'bin' $configuration 'net10.0' 'SupportTools.TestServer.dll'
    if (-not (Test-Path -LiteralPath $assembly)) {
        throw "No test server at ${assembly}: build it first (dotnet build SupportTools.sln -c $configuration)."
    }
    [IO.Path]::GetFullPath($assembly)
}

# The dotnet host: the one running this process when it is dotnet (the hosted Pester run under dotnet test), the
# one the SDK names for its child processes, else dotnet on PATH.
function Get-DotnetHost {
    $current = [Environment]::ProcessPath
    if ($current -and [IO.Path]::GetFileNameWithoutExtension($current) -eq 'dotnet') { return $current }
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH)) { return $env:DOTNET_HOST_PATH }
    $onPath = Get-Command dotnet -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $onPath) { throw 'No dotnet host: put dotnet on PATH or set DOTNET_HOST_PATH.' }
    $onPath.Source
}

function Start-TestServer {
    <#
    .SYNOPSIS
        Starts the test server's console host on a scenario; returns an object with BaseUri, Process and Stop().
    .PARAMETER Argument
        The scenario's options, as --name value pairs: @{ pages = 3; 'rate-limit' = '20/1s'; 'fault-rate' = 0.05 }.
    #>
    param(
        [Parameter(Mandatory)] [string] $Scenario,
        [hashtable] $Argument = @{},
        [timespan] $Timeout = [timespan]::FromSeconds(30)
    )
    $start = [Diagnostics.ProcessStartInfo]::new((Get-DotnetHost))
    $start.ArgumentList.Add((Get-TestServerAssembly))
    $start.ArgumentList.Add($Scenario)
    foreach ($name in $Argument.Keys | Sort-Object) {
        $start.ArgumentList.Add("--$name")
        $start.ArgumentList.Add([string]::Format([cultureinfo]::InvariantCulture, '{0}', $Argument[$name]))
    }
    $start.UseShellExecute = $false
    # Standard input stays open while the server should run: closing it (Stop, or this process ending) stops the server.
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($start)
    $errors = $process.StandardError.ReadToEndAsync()   # drained in the background, so the host never blocks on it
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait($Timeout)) {
        $process.Kill($true)
        throw "The test server ($Scenario) printed no base URI within $Timeout."
    }
    if ($null -eq $firstLine.Result) {
        $process.WaitForExit()
        throw "The test server ($Scenario) exited with code $($process.ExitCode): $($errors.Result.Trim())"
    }
    $server = [pscustomobject] @{
        PSTypeName = 'SupportTools.TestServer'
        Scenario = $Scenario
        BaseUri = [uri] $firstLine.Result
        Process = $process
    }
    $server | Add-Member -MemberType ScriptMethod -Name Stop -Value { Stop-TestServer -Server $this }
    $server
}

function Stop-TestServer {
    <#
    .SYNOPSIS
        Stops test servers (from Start-TestServer) by closing their standard input; kills one that has not exited 10 s later.
    #>
    param([Parameter(Mandatory, ValueFromPipeline)] [psobject[]] $Server)
    process {
        foreach ($item in $Server) {
            $process = $item.Process
            if ($process.HasExited) { continue }
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(10000)) {
                $process.Kill($true)
                $process.WaitForExit()
            }
        }
    }
}
