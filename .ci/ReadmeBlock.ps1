# Get-ReadmeBlock: the text of the first ```powershell block under a README heading, so CI and `build.ps1 -Task Demo`
# run exactly what the README shows (no second copy to drift from it). Dot-source this file.
function Get-ReadmeBlock {
    param(
        [Parameter(Mandatory)] [string] $ReadmePath,
        # The heading's text, without the leading #s (e.g. 'Quick start').
        [Parameter(Mandatory)] [string] $Heading
    )
    $lines = Get-Content -LiteralPath $ReadmePath
    $start = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -match "^#+\s+$([regex]::Escape($Heading))\s*$" })
    if ($start -lt 0) { throw "README has no heading '$Heading'." }
    $open = -1
    for ($i = $start + 1; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '^#+\s') { break }                 # the next section: the heading has no such block
        if ($lines[$i] -eq '```powershell') { $open = $i; break }
    }
    if ($open -lt 0) { throw "README's '$Heading' section has no ``````powershell block." }
    $close = [array]::IndexOf($lines, '```', $open + 1)
    if ($close -lt 0) { throw "README's '$Heading' block starting at line $($open + 1) is not closed." }
    ($lines[($open + 1)..($close - 1)]) -join [Environment]::NewLine
}
