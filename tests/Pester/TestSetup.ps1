# Dot-sourced by each *.Tests.ps1 in its top-level BeforeAll: the staged module, a fixed window so runs are
# reproducible, and the helpers more than one file needs. Not a test file itself (no .Tests.ps1 suffix).
Import-Module (Join-Path $PSScriptRoot '..' '..' 'out' 'SupportTools' 'SupportTools.psd1')
$window = @{ Start = [datetimeoffset] '2024-03-04T00:00:00Z'; End = [datetimeoffset] '2024-03-05T00:00:00Z' }

# Everything after the metadata: the metadata window differs between generated and re-exported files by design.
function Get-ActivitiesData([string] $Path) {
    $text = [IO.File]::ReadAllText($Path)
    $text.Substring($text.IndexOf('"activities_data"'))
}
