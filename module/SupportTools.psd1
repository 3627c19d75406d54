@{
    RootModule           = 'SupportTools.dll'
    # Imported before the root module: hooks SupportTools.Core to the module's private load context before PowerShell
    # scans SupportTools.dll (README, "Dependencies are isolated").
    NestedModules        = @('SupportTools.Loader.dll')
    ModuleVersion        = '0.2.0'
    GUID                 = '5f0c8d3e-2b7a-4c61-9a43-8d1e6f2b7c90'
    Author               = 'SupportTools contributors'
    CompanyName          = 'SupportTools'
    Copyright            = '(c) SupportTools contributors. MIT License.'
    Description          = 'Cmdlets for support and telephony operations: helpdesk ticket activity, call statistics, Close CRM leads and Desk case pulls.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('SupportTools.Tickets.format.ps1xml', 'SupportTools.Desk.format.ps1xml', 'SupportTools.Close.format.ps1xml', 'SupportTools.Calls.format.ps1xml')
    CmdletsToExport      = @(
        'New-TicketActivity'
        'Export-TicketActivity'
        'Import-TicketActivity'
        'Get-TicketActivity'
        'Get-TicketDuration'
        'Connect-Freshdesk'
        'Get-FreshdeskActivityExport'
        'Connect-Desk'
        'Get-TicketSla'
        'New-BusinessSchedule'
        'Import-BusinessSchedule'
        'Get-DeskCase'
        'Measure-DeskCase'
        'Import-CallRecord'
        'Import-CallZone'
        'Get-CallCountry'
        'Get-CallRegion'
        'Get-CallStatistic'
        'Get-KazooCdr'
        'Connect-Kazoo'
        'Get-CallRecord'
        'ConvertTo-CallStatisticJson'
        'Connect-Close'
        'ConvertTo-CloseLead'
        'Import-CloseLead'
        'Get-CloseLead'
        'Measure-CloseLead'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Helpdesk', 'Freshdesk', 'Support', 'SQLite', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
