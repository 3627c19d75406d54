# Shared by the Pester files: the staged module and a fixed window so runs are reproducible.
$script:StagedManifest = Join-Path $PSScriptRoot '..' '..' 'out' 'SupportTools' 'SupportTools.psd1'
$script:Window = @{ Start = [datetimeoffset]'2024-03-04T00:00:00Z'; End = [datetimeoffset]'2024-03-05T00:00:00Z' }
Import-Module $script:StagedManifest -Force
