BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'TestServer.ps1')
    $mockKey = 'FRESHDESK-MOCK-KEY-7d2c'   # the freshdesk scenario's default key
    $key = ConvertTo-SecureString $mockKey -AsPlainText -Force
    $day1 = [datetime]::UtcNow.Date.AddDays(-1).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
}

Describe 'Connect-Freshdesk' {
    It 'keeps nothing visible of the key and prints as service, domain and address' {
        $connection = Connect-Freshdesk acme -ApiKey $key -PassThru
        $connection | Should -BeOfType 'SupportTools.Commands.Tickets.FreshdeskConnection'
        $connection.Domain | Should -Be 'acme.freshdesk.com'
        $connection.BaseUri | Should -Be ([uri] 'https://acme.freshdesk.com')
        "$connection" | Should -Be 'Freshdesk at https://acme.freshdesk.com/'
        $shown = ($connection | Format-List * | Out-String) + (Show-Table $connection) + ($connection | ConvertTo-Json)
        $shown | Should -Not -BeLike "*$mockKey*"
        $connection.PSObject.Properties.Name | Should -Not -Contain 'ApiKey'
        Show-Table $connection | Should -BeLike '*Freshdesk*acme.freshdesk.com*https://acme.freshdesk.com/*'
    }

    It 'writes nothing without -PassThru' {
        @(Connect-Freshdesk acme.freshdesk.com -ApiKey $key).Count | Should -Be 0
    }

    It 'refuses a -Domain that is not a host name and a -BaseUri with a path' {
        { Connect-Freshdesk 'acme.freshdesk.com/api/v2' -ApiKey $key } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Tickets.ConnectFreshdeskCommand'
        { Connect-Freshdesk acme -ApiKey $key -BaseUri 'http://127.0.0.1:9/api' } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Tickets.ConnectFreshdeskCommand'
    }

    Context 'with Get-FreshdeskActivityExport' {
        BeforeAll {
            $server = Start-TestServer -Scenario freshdesk
            $other = Start-TestServer -Scenario freshdesk -Argument @{ 'api-key' = 'OTHER-ACCOUNT-KEY' }
            $otherKey = ConvertTo-SecureString 'OTHER-ACCOUNT-KEY' -AsPlainText -Force
        }
        AfterAll { $server.Stop(); $other.Stop() }

        It 'is used when neither -Domain/-ApiKey nor -Connection is given' {
            Connect-Freshdesk acme -ApiKey $key -BaseUri $server.BaseUri
            $files = @(Get-FreshdeskActivityExport $day1 (Join-Path $TestDrive 'session'))
            $files.Name | Should -Be "ticket_activities_$day1.json"
        }

        It 'is replaced by the next Connect-Freshdesk, while -Connection picks one explicitly' {
            $first = Connect-Freshdesk acme -ApiKey $key -BaseUri $server.BaseUri -PassThru
            Connect-Freshdesk other -ApiKey $otherKey -BaseUri $other.BaseUri
            @(Get-FreshdeskActivityExport $day1 (Join-Path $TestDrive 'other')).Count | Should -Be 1
            @(Get-FreshdeskActivityExport $day1 (Join-Path $TestDrive 'first') -Connection $first).Count | Should -Be 1
        }

        It 'takes the key as a credential''s password' {
            Connect-Freshdesk acme -Credential ([pscredential]::new('acme', $key)) -BaseUri $server.BaseUri
            @(Get-FreshdeskActivityExport $day1 (Join-Path $TestDrive 'credential')).Count | Should -Be 1
        }

        It 'never sends the session''s key to another -BaseUri' {
            Connect-Freshdesk acme -ApiKey $key -BaseUri $server.BaseUri
            { Get-FreshdeskActivityExport $day1 (Join-Path $TestDrive 'x') -BaseUri $other.BaseUri } |
                Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Tickets.GetFreshdeskActivityExportCommand' -ExpectedMessage '*-BaseUri needs -Domain with -ApiKey or -Credential*'
        }
    }
}
