BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
}

Describe 'Connect-Close' {
    BeforeAll {
        # The close scenario's default key (README, "No Close or Desk account at hand?").
        $server = Start-TestServer -Scenario close -Argument @{ leads = 12 }
        $key = ConvertTo-SecureString 'api_test_5x7yTeStKeY0123456789' -AsPlainText -Force
    }
    AfterAll { $server.Stop() }

    It 'checks the key, keeps the connection and the Close cmdlets use it without a key' {
        $connection = Connect-Close -ApiKey $key -BaseUri $server.BaseUri -PassThru
        $connection.Service | Should -Be 'Close'
        $connection.UserName | Should -Be 'support.engineer@example.com'
        $connection.BaseUri | Should -Be $server.BaseUri
        @(Get-CloseLead).Count | Should -Be 12
        @(Get-CloseLead -Connection $connection -From 2000-01-01).Count | Should -BeGreaterThan 0
    }

    It 'never sends a connection''s key to another -BaseUri' {
        $connection = Connect-Close -ApiKey $key -BaseUri $server.BaseUri -PassThru
        # Nothing listens there: had the key been sent, the error would be HttpServiceUnavailable, after retries.
        { Get-CloseLead -Connection $connection -BaseUri 'http://127.0.0.1:9' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Close.GetCloseLeadCommand' -ExpectedMessage "*connection is for $($server.BaseUri)*"
    }

    It 'shows the connection without the key at 120 columns' {
        $connection = Connect-Close -Credential ([pscredential]::new('ignored', $key)) -BaseUri $server.BaseUri -PassThru
        $table = Show-Table $connection
        $table | Should -Match 'support\.engineer@example\.com'
        $table | Should -Not -Match 'api_test'
        ($table -split '\r?\n' | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
        "$connection" | Should -Be "Close at $($server.BaseUri) as support.engineer@example.com"
    }

    It 'shows -ApiKey and -Credential as alternatives in its syntax' {
        $sets = (Get-Command Connect-Close).ParameterSets
        $sets.Name | Should -Be @('ApiKey', 'Credential')
        ($sets | Where-Object Name -eq 'ApiKey').Parameters.Name | Should -Not -Contain 'Credential'
    }

    It 'refuses a wrong key with HttpAuthenticationFailed' {
        $wrong = ConvertTo-SecureString 'api_not_the_key' -AsPlainText -Force
        { Connect-Close -ApiKey $wrong -BaseUri $server.BaseUri -ErrorAction Stop } | Should -Throw -ErrorId 'HttpAuthenticationFailed,*'
    }
}
