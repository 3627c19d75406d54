BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Get-DeskCase' {
    BeforeAll {
        $cred = [pscredential]::new('agent@example.com', (ConvertTo-SecureString 'S3cret-pa55' -AsPlainText -Force))
    }

    Context 'parameters' {
        It 'asks for the site instead of defaulting to one' {
            { Get-DeskCase -Credential $cred -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }

        It 'refuses a -BaseUri with a path' {
            { Get-DeskCase -BaseUri 'https://yoursite.desk.com/api/v2/cases' -Credential $cred -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }

        It 'takes 1 to 100 cases per page and the statuses Desk has' {
            { Get-DeskCase -BaseUri http://127.0.0.1:9 -Credential $cred -PerPage 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SupportTools.Commands.Desk.GetDeskCaseCommand'
            { Get-DeskCase -BaseUri http://127.0.0.1:9 -Credential $cred -Status 'solved' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }

        It 'takes either basic or OAuth credentials, not both' {
            { Get-DeskCase -BaseUri http://127.0.0.1:9 -Credential $cred -OAuthConsumer $cred -OAuthToken $cred } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,SupportTools.Commands.Desk.GetDeskCaseCommand'
        }
    }
}
