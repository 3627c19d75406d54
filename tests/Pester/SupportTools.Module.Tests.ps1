BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

# The module's dependencies are isolated (README, "Dependencies are isolated"): SupportTools.Core and its packages load
# into the module's own load context; SupportTools.dll and SupportTools.Model.dll, which hold every type users name,
# load into the default context, the only one PowerShell resolves type literals from. Run on every engine CI runs
# (hosted 7.6, 7.4, and the real pwsh), since type resolution is the engine's.
Describe 'SupportTools load contexts' {
    BeforeAll {
        function Get-LoadContextName($Assembly) { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($Assembly).Name }
        function Get-PlainType([type] $Type) {
            while ($Type.HasElementType) { $Type = $Type.GetElementType() }
            $underlying = [Nullable]::GetUnderlyingType($Type)
            if ($underlying) { $underlying } else { $Type }
        }
        $commands = Get-Command -Module SupportTools
        # Every output type and parameter type of ours (SupportTools.*, the connections of SupportTools.Commands too).
        $ourTypes = @(
            $commands.OutputType.Type
            $commands.Parameters.Values.ParameterType | ForEach-Object { Get-PlainType $_ }
        ) | Where-Object { $_ -and $_.FullName -like 'SupportTools.*' } | Sort-Object FullName -Unique
    }

    It 'finds the output and parameter types to check' {
        $ourTypes.FullName | Should -Contain 'SupportTools.Calls.CallRecord'
        $ourTypes.FullName | Should -Contain 'SupportTools.Tickets.BusinessSchedule'
        $ourTypes.FullName | Should -Contain 'SupportTools.Tickets.ScheduleMode'
        $ourTypes.FullName | Should -Contain 'SupportTools.Close.CloseLeadImportResult'
    }

    It 'resolves every output and parameter type as a type literal, from the default context' {
        foreach ($type in $ourTypes) {
            $type.FullName -as [type] | Should -Be $type -Because "scripts name [$($type.FullName)]"
            Get-LoadContextName $type.Assembly | Should -Be 'Default' -Because "$($type.FullName) is a type users see"
        }
        [SupportTools.Calls.CallRecord].Assembly.GetName().Name | Should -Be 'SupportTools.Model'
        [SupportTools.Desk.DeskCase] | Should -Not -BeNullOrEmpty
    }

    It 'resolves the exception types users catch' {
        [SupportTools.Storage.StoreException].IsSubclassOf([SupportTools.SupportToolsException]) | Should -BeTrue
        [SupportTools.InputFormatException].IsSubclassOf([SupportTools.SupportToolsException]) | Should -BeTrue
        $caught = try { New-BusinessSchedule -TimeZone 'Mars/Olympus' -Hours @{ 'Mon-Fri' = '09:00-17:00' } -ErrorAction Stop; 'nothing' }
        catch [SupportTools.SupportToolsException] { $_.Exception.GetType().Name }
        catch { "another exception: $($_.Exception.GetType().FullName)" }
        $caught | Should -Be 'UnknownTimeZoneException'
    }

    It 'resolves the HTTP failure users catch, from the default context' {
        [SupportTools.Http.ServiceException].IsSubclassOf([SupportTools.SupportToolsException]) | Should -BeTrue
        Get-LoadContextName ([SupportTools.Http.ServiceException].Assembly) | Should -Be 'Default'
        # Nothing listens on port 9 (discard) on the loopback: the connection is refused, a few quick attempts.
        $user = [pscredential]::new('agent@example.com', (ConvertTo-SecureString 'pw' -AsPlainText -Force))
        $caught = try { Get-DeskCase -BaseUri 'http://127.0.0.1:9' -Credential $user -ErrorAction Stop; 'nothing' }
        catch [SupportTools.Http.ServiceException] { $_.Exception.Failure.ToString() }
        catch { "another exception: $($_.Exception.GetType().FullName)" }
        $caught | Should -Be 'Network'
    }

    It 'loads SupportTools.Core, NodaTime and SQLite in the module''s own context' {
        New-BusinessSchedule -TimeZone Europe/Berlin -Hours @{ 'Mon-Fri' = '09:00-17:00' } | Out-Null
        # One Kazoo CDR (fields as in samples/cdrs.jsonl), so the store (SQLite, native library too) opens and writes.
        $cdrs = Join-Path $TestDrive 'cdrs.jsonl'
        Set-Content -Path $cdrs -Value '{"call_id":"a","timestamp":63624297600,"call_direction":"inbound","caller_id_number":"+6434181234","callee_id_number":"+61390123456"}'
        (Import-CallRecord -Path $cdrs -Database (Join-Path $TestDrive 'calls.db')).Inserted | Should -Be 1
        $ours = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { (Get-LoadContextName $_) -eq 'SupportTools' }
        $ours.GetName().Name | Should -Contain 'SupportTools.Core'
        $ours.GetName().Name | Should -Contain 'NodaTime'
        $ours.GetName().Name | Should -Contain 'SQLitePCLRaw.core'
        $ours.GetName().Name | Should -Not -Contain 'SupportTools.Model'
        [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SupportTools.Core' } | ForEach-Object {
            Get-LoadContextName $_ | Should -Be 'SupportTools'
        }
        'SupportTools.Calls.CallStore' -as [type] | Should -BeNullOrEmpty -Because 'Core types stay out of the default context'
        # The loader that hooks the private context before PowerShell scans SupportTools.dll: a nested module, in the default context.
        $loader = (Get-Module SupportTools).NestedModules | Where-Object Name -eq 'SupportTools.Loader'
        $loader | Should -Not -BeNullOrEmpty
        Get-LoadContextName $loader.ImplementingAssembly | Should -Be 'Default'
    }
}
