# The test infrastructure, not a cmdlet: tests/Pester/TestServer.ps1 starts and stops the loopback test server's
# console host (tests/SupportTools.TestServer) for the HTTP cmdlets' Pester files.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
}

Describe 'Start-TestServer' {
    It 'serves the scenario with its arguments on 127.0.0.1 and stops without leaving a process' {
        $server = Start-TestServer -Scenario echo -Argument @{ 'rate-limit' = '1/60s'; 'rate-limit-hint' = 'XRateLimitReset' }
        try {
            $server.BaseUri.Host | Should -Be '127.0.0.1'
            $echo = Invoke-RestMethod -Uri ([uri]::new($server.BaseUri, 'hello?x=1')) -Method Post -Body 'hi'
            $echo.method, $echo.path, $echo.query, $echo.body | Should -Be 'POST', '/hello', '?x=1', 'hi'
            # The arguments reached the scenario: one request a minute, Desk's headers.
            $second = Invoke-WebRequest -Uri $server.BaseUri -SkipHttpErrorCheck
            $second.StatusCode | Should -Be 429
            $second.Headers['X-Rate-Limit-Remaining'] | Should -Be '0'
        }
        finally {
            $server.Stop()
        }
        $server.Process.HasExited | Should -BeTrue
        $server.Process.ExitCode | Should -Be 0 -Because 'closing its input stops the host; a kill would give another code'
        Get-Process -Id $server.Process.Id -ErrorAction Ignore | Should -BeNullOrEmpty
    }

    It 'Stop-TestServer stops every server piped to it' {
        $servers = @(Start-TestServer -Scenario echo) + @(Start-TestServer -Scenario echo)
        $servers[0].BaseUri | Should -Not -Be $servers[1].BaseUri

        $servers | Stop-TestServer

        $servers.Process.HasExited | Should -Be $true, $true
        $servers.Process.ExitCode | Should -Be 0, 0
    }

    It 'says why the host would not start' {
        { Start-TestServer -Scenario no-such-scenario } | Should -Throw '*exited with code 2*no-such-scenario*'
        { Start-TestServer -Scenario echo -Argument @{ 'rate-limit' = 'fast' } } | Should -Throw "*--rate-limit 'fast'*"
    }
}
