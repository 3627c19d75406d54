# Dot-sourced by each *.Tests.ps1 in its top-level BeforeAll: the staged module, a fixed window so runs are
# reproducible, and the helpers more than one file needs. Not a test file itself (no .Tests.ps1 suffix).
# The staged module: SUPPORTTOOLS_TEST_MODULE when a runner names one (the xunit PesterSuite, build.ps1 -Task Pester
# -Configuration), else the Release staging of `dotnet build -c Release`.
$stagedModule = if ($env:SUPPORTTOOLS_TEST_MODULE) { $env:SUPPORTTOOLS_TEST_MODULE } else { Join-Path $PSScriptRoot '..' '..' 'out' 'Release' 'SupportTools' }
Import-Module (Join-Path $stagedModule 'SupportTools.psd1')
$window = @{ Start = [datetimeoffset] '2024-03-04T00:00:00Z'; End = [datetimeoffset] '2024-03-05T00:00:00Z' }

# Everything after the metadata: the metadata window differs between generated and re-exported files by design.
function Get-ActivitiesData([string] $Path) {
    $text = [IO.File]::ReadAllText($Path)
    $text.Substring($text.IndexOf('"activities_data"'))
}

# What a user sees at a 120-column console: the default table view, or the list view (Format-List).
function Show-Table($InputObject) { $InputObject | Format-Table | Out-String -Width 120 }
function Show-List($InputObject) { $InputObject | Format-List | Out-String -Width 120 }

# Rendered text with wrapped cells joined back (a line break and the next line's indent removed), so a whole value
# that a view wrapped over two lines is found as one string.
function Join-Wrapped([string] $Text) { $Text -replace '\s*\r?\n\s*', '' }

# The invariant time format the views use.
function Format-ViewTime([datetimeoffset] $Time) { $Time.ToString('yyyy-MM-dd HH:mm:ss zzz', [cultureinfo]::InvariantCulture) }

# PowerShell marks a cut cell with an ellipsis.
$ellipsis = [string] [char] 0x2026

# Property-by-property comparison of two equally long lists: one line per difference ("TicketId 5: OpenTime is 'x',
# expected 'y'"), so a test makes one assertion on hundreds of objects (fast) and still names every difference.
# -Expect turns an expected value into the form to compare with (e.g. the string a CSV cell holds).
function Get-PropertyDifference {
    param($Actual, $Expected, [string[]] $Property, [string] $Key, [scriptblock] $Expect = { param($Value) $Value }, [switch] $CaseSensitive)
    if (@($Actual).Count -ne @($Expected).Count) { return "$(@($Actual).Count) objects, expected $(@($Expected).Count)" }
    for ($i = 0; $i -lt @($Expected).Count; $i++) {
        $label = if ($Key) { "$Key $($Expected[$i].$Key)" } else { "object $i" }
        foreach ($name in $Property) {
            $actualValue = $Actual[$i].$name
            $expectedValue = & $Expect $Expected[$i].$name
            $differs = if ($CaseSensitive) { $actualValue -cne $expectedValue } else { $actualValue -ne $expectedValue }
            if ($differs) { "${label}: $name is '$actualValue', expected '$expectedValue'" }
        }
    }
}
