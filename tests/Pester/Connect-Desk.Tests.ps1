BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
    $cred = [pscredential]::new('agent@example.com', (ConvertTo-SecureString 'Connect-pa55' -AsPlainText -Force))
}

Describe 'Connect-Desk' {
    Context 'parameters' {
        It 'needs the site and takes basic or OAuth credentials, not both' {
            { Connect-Desk -Credential $cred -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.ConnectDeskCommand'
            { Connect-Desk -BaseUri http://127.0.0.1:9 -Credential $cred -OAuthConsumer $cred -OAuthToken $cred } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,SupportTools.Commands.Desk.ConnectDeskCommand'
            (Get-Command Connect-Desk).ParameterSets.Name | Sort-Object | Should -Be @('Credential', 'OAuth')
        }
    }

    Context 'against the desk scenario' {
        BeforeAll {
            $server = Start-TestServer -Scenario desk -Argument @{ cases = 90; seed = 2; user = 'agent@example.com'; password = 'Connect-pa55' }
        }
        AfterAll { $server.Stop() }

        It 'keeps the connection for the session, so Get-DeskCase needs neither credentials nor -BaseUri' {
            Connect-Desk -BaseUri $server.BaseUri -Credential $cred | Should -BeNullOrEmpty
            @(Get-DeskCase -PerPage 40).Count | Should -Be 90
        }

        It 'writes the connection with -PassThru, shows no secret, and -Connection takes it' {
            $connection = Connect-Desk -BaseUri $server.BaseUri -Credential $cred -PassThru
            $table = $connection | Format-Table | Out-String -Width 120

            $connection | Should -BeOfType 'SupportTools.Commands.Desk.DeskConnection'
            $connection.Authentication | Should -Be 'Basic'
            $connection.UserName | Should -Be 'agent@example.com'
            $table | Should -Match 'agent@example.com'
            ($connection | Format-List * | Out-String) + ($connection | ConvertTo-Json) + $table | Should -Not -Match 'Connect-pa55'
            @(Get-DeskCase -Connection $connection -PerPage 100).Count | Should -Be 90
        }

        It 'is not used with -BaseUri alone: the error asks for credentials' {
            Connect-Desk -BaseUri $server.BaseUri -Credential $cred
            { Get-DeskCase -BaseUri $server.BaseUri -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }
    }
}
