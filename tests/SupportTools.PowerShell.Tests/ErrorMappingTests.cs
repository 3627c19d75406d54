using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests;

/// <summary>
/// ErrorRecords maps by what an exception says of itself (issue 12): Core's exceptions carry their id, kind and target;
/// an ArgumentException from a Core guard is a bug (UnexpectedError), not the user's mistake (InvalidArgument).
/// Run in the engine, since the module's assemblies load there and not in this test host.
/// </summary>
public sealed class ErrorMappingTests : ModuleTest
{
    /// <summary>A Core type by name: Core loads into the module's private context, where type literals do not reach (README).</summary>
    private static string CoreType(string name) =>
        $"([AppDomain]::CurrentDomain.GetAssemblies().Where({{ $_.GetName().Name -eq 'SupportTools.Core' }}, 'First')[0].GetType('{name}', $true))";

    private ErrorRecord Map(string makeException, string target = "$null", string errorId = "[NullString]::Value") =>
        (ErrorRecord)Assert.Single(RunOk($$"""
            $exception = try { {{makeException}} } catch { $_.Exception.GetBaseException() }
            [SupportTools.Commands.ErrorRecords]::From($exception, {{target}}, {{errorId}})
            """).Output).BaseObject;

    [Fact]
    public void An_ArgumentException_from_a_Core_guard_is_an_UnexpectedError_not_the_users_mistake()
    {
        // DeskCaseMeasure refuses an empty property list: Measure-DeskCase never passes one, so it can only be a bug.
        var error = Map($"{CoreType("SupportTools.Desk.DeskCaseMeasure")}::new([string[]]@())");
        Assert.IsType<ArgumentException>(error.Exception);
        Assert.Equal("UnexpectedError", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotSpecified, error.CategoryInfo.Category);
    }

    [Fact]
    public void A_users_bad_value_is_InvalidArgument_with_its_target()
    {
        var error = Map($"{CoreType("SupportTools.Storage.DatabaseLocation")}::Resolve(' ')");
        Assert.Equal("InvalidRequestException", error.Exception.GetType().Name);
        Assert.Equal("InvalidArgument", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(" ", error.TargetObject);
    }

    [Fact]
    public void A_store_failure_names_the_database_whatever_file_the_cmdlet_was_on()
    {
        var error = Map("throw [SupportTools.Storage.StoreException]::new('/data/a.db', 'Busy', 'is locked.')", "'/in/calls.json'");
        Assert.Equal("DatabaseBusy", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal("/data/a.db", error.TargetObject);
    }

    [Fact]
    public void An_input_format_error_takes_the_cmdlets_format_id_its_item_as_target_and_a_recommended_action()
    {
        var make = "throw [SupportTools.InputFormatException]::new('bad date', '/in/x.csv', 3)";
        var generic = Map(make);
        Assert.Equal("InvalidInputFile", generic.FullyQualifiedErrorId);
        Assert.Equal("/in/x.csv", generic.TargetObject);
        Assert.Contains("Correct the file", generic.ErrorDetails.RecommendedAction);
        var specific = Map(make, errorId: "'InvalidCallRecordFile'");
        Assert.Equal("InvalidCallRecordFile", specific.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, specific.CategoryInfo.Category);
    }

    [Fact]
    public void Exceptions_of_other_kinds_stay_unmapped_and_file_system_ones_keep_their_ids()
    {
        var unmapped = RunOk("$null -eq [SupportTools.Commands.ErrorRecords]::From([InvalidOperationException]::new('x'), $null, [NullString]::Value)");
        Assert.True((bool)Assert.Single(unmapped.Output).BaseObject);
        Assert.Equal("FileAccessDenied", Map("throw [UnauthorizedAccessException]::new('no')", "'/f'").FullyQualifiedErrorId);
        Assert.Equal("FileNotFound", Map("throw [IO.FileNotFoundException]::new('no', '/f')").FullyQualifiedErrorId);
    }

    [Fact]
    public void Every_ErrorKind_is_an_ErrorCategory_and_ErrorRecords_constants_are_Cores_ids()
    {
        var kinds = RunOk("[Enum]::GetNames([SupportTools.ErrorKind]) | Where-Object { -not [Enum]::IsDefined([System.Management.Automation.ErrorCategory], $_) }");
        Assert.Empty(kinds.Output);
        Assert.Equal(16, (int)RunOk("[Enum]::GetNames([SupportTools.ErrorKind]).Count").Output[0].BaseObject);
        var differ = RunOk("""
            $core = @{}
            foreach ($f in [SupportTools.ErrorIds].GetFields()) { $core[$f.Name] = $f.GetValue($null) }
            $module = [SupportTools.Commands.ErrorRecords].GetFields() | Where-Object IsLiteral
            if ($module.Count -lt 40) { 'too few constants' }
            # A constant added here before Core has it (another branch's new id) still has to be its own name.
            foreach ($f in $module) { if (($core.ContainsKey($f.Name) -and $core[$f.Name] -ne $f.GetValue($null)) -or $f.Name -ne $f.GetValue($null)) { $f.Name } }
            if ($core.Count -lt 40) { 'too few ids in Core' }
            """);
        Assert.Empty(differ.Output);
    }
}
