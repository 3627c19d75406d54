BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
    # The kazoo scenario's account (tests/SupportTools.TestServer/Kazoo/KazooMockOptions.cs).
    $apiKeyText = 'f7b2c9e0a8d14c3b9a6e5d4c3b2a1908f7e6d5c4b3a291807f6e5d4c3b2a1908'
    $apiKey = ConvertTo-SecureString $apiKeyText -AsPlainText -Force
    $user = [pscredential]::new('admin', (ConvertTo-SecureString 'S3cret-pa55' -AsPlainText -Force))
    $from = [datetimeoffset] '2026-01-01T00:00:00Z'
    $to = [datetimeoffset] '2026-03-02T00:00:00Z'
    $server = Start-TestServer -Scenario kazoo -Argument @{ cdrs = 40; seed = 9 }
}

AfterAll { $server.Stop() }

Describe 'Connect-Kazoo' {
    It 'needs the crossbar address' {
        { Connect-Kazoo -ApiKey $apiKey -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Calls.ConnectKazooCommand'
    }

    It 'keeps nothing when crossbar refuses the credentials' {
        $ps = [powershell]::Create()
        try {
            $script = 'param($module, $uri) Import-Module $module
                $bad = ConvertTo-SecureString "wrong" -AsPlainText -Force
                try { Connect-Kazoo -BaseUri $uri -Credential ([pscredential]::new("admin", $bad)) -AccountName acme -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
                try { Get-KazooCdr -From 2026-01-01 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }'
            $null = $ps.AddScript($script).AddArgument((Join-Path $stagedModule 'SupportTools.psd1')).AddArgument($server.BaseUri)
            $ids = $ps.Invoke()
            $ids | Should -Be @('HttpAuthenticationFailed,SupportTools.Commands.Calls.ConnectKazooCommand', 'InvalidArgument,SupportTools.Commands.Calls.GetKazooCdrCommand')
        }
        finally { $ps.Dispose() }
    }

    It 'checks the credentials, learns the account, and emits the connection with -PassThru (no secret in sight)' {
        $connection = Connect-Kazoo -BaseUri $server.BaseUri -Credential $user -AccountName acme -PassThru
        $connection | Should -BeOfType 'SupportTools.Commands.Calls.KazooConnection'
        $connection.Service | Should -Be 'Kazoo'
        $connection.AccountId | Should -Be '4b8c6fec4b2597882c0390202d195419'
        $connection.AuthenticatesWith | Should -Be 'User'
        $connection.UserName | Should -Be 'admin'
        "$connection" | Should -Be "Kazoo at $($server.BaseUri) as admin"
        $shown = Show-Table $connection
        $shown | Should -Match '4b8c6fec4b2597882c0390202d195419'
        $shown | Should -Not -Match 'S3cret'
        ($connection | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue) | Should -Not -Match 'S3cret'
        $shown.Split("`n") | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
    }

    It 'is what Get-KazooCdr uses when given neither credentials nor -BaseUri' {
        Connect-Kazoo -BaseUri $server.BaseUri -ApiKey $apiKey
        $records = @(Get-KazooCdr -From $from -To $to -Verbose 4> (Join-Path $TestDrive 'v.txt'))
        $records.Count | Should -Be 40
        Get-Content (Join-Path $TestDrive 'v.txt') | Should -Contain "Kazoo: using the connection Kazoo at $($server.BaseUri)."
    }

    It 'is taken explicitly through -Connection' {
        $connection = Connect-Kazoo -BaseUri $server.BaseUri -ApiKey $apiKey -AccountId 4b8c6fec4b2597882c0390202d195419 -PassThru
        @(Get-KazooCdr -Connection $connection -From $from -To $to -PageSize 7).Count | Should -Be 40
    }

    It 'never sends a connection''s credentials to another -BaseUri' {
        $connection = Connect-Kazoo -BaseUri $server.BaseUri -ApiKey $apiKey -PassThru
        # Nothing listens there: had the key been sent, the error would be HttpServiceUnavailable, after retries.
        { Get-KazooCdr -Connection $connection -BaseUri 'http://127.0.0.1:9' -From $from -To $to -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Calls.GetKazooCdrCommand' -ExpectedMessage "*connection is for $($server.BaseUri)*"
    }

    It 'belongs to its session: another runspace does not see it' {
        Connect-Kazoo -BaseUri $server.BaseUri -ApiKey $apiKey
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($module) Import-Module $module; try { Get-KazooCdr -From 2026-01-01 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }').AddArgument((Join-Path $stagedModule 'SupportTools.psd1'))
            $ps.Invoke() | Should -Be 'InvalidArgument,SupportTools.Commands.Calls.GetKazooCdrCommand'
        }
        finally { $ps.Dispose() }
    }
}
