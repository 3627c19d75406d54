BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }

Describe 'Measure-DeskCase' {
    BeforeAll {
        # Hand-made cases: user 1 has priorities 1..4 and notes 0, 2, (none), 4; user 2 one case; one case unassigned.
        $cases = @(
            [pscustomobject]@{ AssignedUserUri = '/api/v2/users/1'; Type = 'email'; Priority = 1; Notes = 0; Attachments = 1; Replies = 2 }
            [pscustomobject]@{ AssignedUserUri = '/api/v2/users/1'; Type = 'email'; Priority = 2; Notes = 2; Attachments = 0; Replies = 2 }
            [pscustomobject]@{ AssignedUserUri = '/api/v2/users/1'; Type = 'phone'; Priority = 3; Notes = $null; Attachments = 0; Replies = 1 }
            [pscustomobject]@{ AssignedUserUri = '/api/v2/users/1'; Type = 'email'; Priority = 4; Notes = 4; Attachments = 3; Replies = 0 }
            [pscustomobject]@{ AssignedUserUri = '/api/v2/users/2'; Type = 'chat'; Priority = 9; Notes = 1; Attachments = 0; Replies = 5 }
            [pscustomobject]@{ AssignedUserUri = $null; Type = 'email'; Priority = 5; Notes = 0; Attachments = 0; Replies = 0 }
        )
    }

    It 'describes each default property per group, unassigned cases last' {
        $rows = @($cases | Measure-DeskCase -By AssignedUserUri)

        $rows.Count | Should -Be 12
        ($rows | ForEach-Object { "$($_.Group)|$($_.Property)" }) | Should -Be @(
            '/api/v2/users/1|Attachments', '/api/v2/users/1|Notes', '/api/v2/users/1|Replies', '/api/v2/users/1|Priority'
            '/api/v2/users/2|Attachments', '/api/v2/users/2|Notes', '/api/v2/users/2|Replies', '/api/v2/users/2|Priority'
            '|Attachments', '|Notes', '|Replies', '|Priority')
        $priority = $rows | Where-Object { $_.Group -eq '/api/v2/users/1' -and $_.Property -eq 'Priority' }
        $priority.Count | Should -Be 4
        $priority.Sum | Should -Be 10
        $priority.Mean | Should -Be 2.5
        $priority.StandardDeviation | Should -BeGreaterThan 1.29099
        $priority.StandardDeviation | Should -BeLessThan 1.29100
        @($priority.Min, $priority.Q25, $priority.Median, $priority.Q75, $priority.Max) | Should -Be @(1, 1.75, 2.5, 3.25, 4)
        $notes = $rows | Where-Object { $_.Group -eq '/api/v2/users/1' -and $_.Property -eq 'Notes' }
        $notes.Missing | Should -Be 1
        $notes.Mean | Should -Be 2
        ($rows | Where-Object { $_.Group -eq '/api/v2/users/2' -and $_.Property -eq 'Replies' }).StandardDeviation | Should -BeNullOrEmpty
    }

    It 'measures one group of all cases without -By, and the properties asked for' {
        $rows = @($cases | Measure-DeskCase Replies, Priority)

        $rows.Property | Should -Be @('Replies', 'Priority')
        $rows.Group | Should -Be @($null, $null)
        $rows[0].Count | Should -Be 6
        $rows[0].Sum | Should -Be 10
        $rows[1].Median | Should -Be 3.5
    }

    It 'gives Import-Csv rows the same statistics as the objects they were written from' {
        $csv = Join-Path $TestDrive 'cases.csv'
        $cases | Export-Csv $csv

        $fromCsv = Import-Csv $csv | Measure-DeskCase -By Type
        $direct = $cases | Measure-DeskCase -By Type

        $differences = Get-PropertyDifference -Actual @($fromCsv) -Expected @($direct) -Property Group, Property, Count, Missing, Sum, Mean, StandardDeviation, Min, Q25, Median, Q75, Max
        $differences | Should -BeNullOrEmpty
        (@($fromCsv) | Where-Object { $_.Group -eq 'phone' -and $_.Property -eq 'Notes' }).Missing | Should -Be 1
    }

    It 'round-trips its own rows through Export-Csv' {
        $csv = Join-Path $TestDrive 'stats.csv'
        $rows = @($cases | Measure-DeskCase -By AssignedUserUri)
        $rows | Export-Csv $csv

        $back = @(Import-Csv $csv)

        $back.Count | Should -Be $rows.Count
        $back[3].Property | Should -Be 'Priority'
        [double] $back[3].Q25 | Should -Be 1.75
        $back[8].Group | Should -Be ''
    }

    It 'reports a value that is not a number with the row and counts it as missing' {
        $bad = @($cases[0], [pscustomobject]@{ AssignedUserUri = '/api/v2/users/1'; Priority = 'high'; Notes = 1; Attachments = 0; Replies = 0 })

        $rows = @($bad | Measure-DeskCase Priority -ErrorVariable errors -ErrorAction SilentlyContinue)

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInputObject,*'
        $errors[0].Exception.Message | Should -BeLike "*record 2*Priority*'high'*"
        $rows[0].Count | Should -Be 2
        $rows[0].Missing | Should -Be 1
    }

    It 'names a -By or -Property that no piped object has' {
        { $cases | Measure-DeskCase -By Owner -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.MeasureDeskCaseCommand'
        $rows = @($cases | Measure-DeskCase Priority, Nope -ErrorVariable errors -ErrorAction SilentlyContinue)
        $rows.Property | Should -Be @('Priority')
        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeLike "*'Nope'*AssignedUserUri*"
        { 'a', 'b' | Measure-DeskCase -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,SupportTools.Commands.Desk.MeasureDeskCaseCommand' -ExpectedMessage "*'Attachments', 'Notes', 'Replies', 'Priority'*Length*"
    }

    It 'shows whole values in a 120-column table, large ones without decimals' {
        $rows = $cases + [pscustomobject]@{ AssignedUserUri = '/api/v2/users/16096734'; Priority = 10; Notes = 1234; Attachments = 0; Replies = 0 } +
            [pscustomobject]@{ AssignedUserUri = '/api/v2/users/16096734'; Priority = 10; Notes = 2345678.25; Attachments = 0; Replies = 0 } |
            Measure-DeskCase -By AssignedUserUri

        $table = Show-Table $rows

        $table | Should -Not -BeLike "*$ellipsis*"
        $table | Should -Match 'StandardDeviation'
        $table | Should -Match '/api/v2/users/16096734'
        $table | Should -Match '\b1\.29\b'
        $table | Should -Match '(?m) 2345678\s*$' -Because 'the Max of Notes for user 16096734, shown whole without decimals'
        $table | Should -Match ' 1173456 '
        ($table -split '\r?\n' | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'completes -By with the case properties and -Property with the numeric ones' {
        $line = 'Measure-DeskCase -By Assig'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('AssignedUserUri', 'AssignedGroupUri')
        $line = 'Measure-DeskCase -Property '
        $numeric = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $numeric | Should -Contain 'Attachments'
        $numeric | Should -Contain 'Priority'
        $numeric | Should -Not -Contain 'Subject'
    }
}
