using System.Reflection;
using System.Runtime.Loader;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Common;

/// <summary>
/// The module's dependencies are isolated (README, "Dependencies are isolated"): another module that loaded another
/// version of NodaTime into PowerShell's default load context cannot break our commands, because SupportTools.Core
/// and its packages load into the module's own context. Without that, the default context would hand Core the other
/// NodaTime (or refuse ours: "The located assembly's manifest definition does not match"), whichever loaded first.
/// </summary>
public sealed class DependencyIsolationTests : IDisposable
{
    /// <summary>NodaTime 2.4.7, restored by this project's PackageDownload; the module ships 3.3.7.</summary>
    private static readonly string OtherNodaTime = Path.GetFullPath(
        typeof(DependencyIsolationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OtherNodaTime").Value!);

    private readonly ModuleSession _ps;

    public DependencyIsolationTests()
    {
        // As another module would: the other version first, into the default context (this process is the host).
        Assembly.LoadFrom(OtherNodaTime);
        _ps = new ModuleSession();
    }

    public void Dispose() => _ps.Dispose();

    private static Assembly[] Loaded(string name) =>
        [.. AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == name)];

    private static string? ContextOf(Assembly assembly) => AssemblyLoadContext.GetLoadContext(assembly)?.Name;

    [Fact]
    public void Commands_that_use_NodaTime_work_beside_another_NodaTime_in_the_default_context()
    {
        var other = Assert.Single(Loaded("NodaTime"), a => ContextOf(a) == AssemblyLoadContext.Default.Name);
        Assert.Equal(new Version(2, 4, 7, 0), other.GetName().Version);

        var schedule = _ps.Run("New-BusinessSchedule -TimeZone Europe/Berlin -Hours @{ 'Mon-Fri' = '09:00-17:00' } -Holiday 2026-12-25");
        schedule.ThrowOnError();
        Assert.Equal("Europe/Berlin", ModuleTestProperty(schedule, "TimeZone"));
        Assert.Equal(40.0, ModuleTestProperty(schedule, "WeeklyHours"));

        // Two calls at 23:30 UTC on 1 March 2016: 00:30 on 2 March in Berlin (UTC+1), so a day of their own there. Kazoo
        // CDR fields and Gregorian-second timestamps as in samples/cdrs.jsonl (2600hz/kazoo's cdr documents).
        var cdrs = _ps.PathOf("cdrs.jsonl");
        File.WriteAllLines(cdrs,
        [
            """{"call_id":"a","timestamp":63624094200,"call_direction":"inbound","duration_seconds":"60","billing_seconds":"55","caller_id_number":"+6434181234","callee_id_number":"+6495551234"}""",
            """{"call_id":"b","timestamp":63624094260,"call_direction":"inbound","duration_seconds":"30","billing_seconds":"25","caller_id_number":"+6434181234","callee_id_number":"+6495551234"}""",
        ]);
        var days = _ps.Run("""
            Import-CallRecord -Path $args[0] -Database $args[1] | Out-Null
            Get-CallStatistic -Database $args[1] -TimeZone Europe/Berlin -Period Daily
            """, cdrs, _ps.PathOf("calls.db"));
        days.ThrowOnError();
        var day = Assert.Single(days.Output);
        Assert.Equal(new DateTimeOffset(2016, 3, 2, 0, 0, 0, TimeSpan.FromHours(1)), day.Properties["Period"].Value);
        Assert.Equal(2L, Convert.ToInt64(day.Properties["Total"].Value, System.Globalization.CultureInfo.InvariantCulture));

        // Ours ran in the module's context, the other stayed where it was.
        var ours = Assert.Single(Loaded("NodaTime"), a => ContextOf(a) == "SupportTools");
        Assert.Equal(new Version(3, 3, 7, 0), ours.GetName().Version);
    }

    [Fact]
    public void Core_and_its_packages_load_into_the_modules_own_context_and_the_types_users_name_into_the_default_one()
    {
        // Something that touches SQLite (native library too) and phone numbers.
        _ps.Run("Import-CallRecord -Path $args[0] -Database $args[1] | Out-Null; Get-CallRegion -Country 'New Zealand' -Database $args[1] | Out-Null",
            Path.Combine(ModuleSession.RepoRoot, "samples", "cdrs.jsonl"), _ps.PathOf("calls.db")).ThrowOnError();

        foreach (var name in new[] { "SupportTools.Core", "SQLitePCLRaw.core", "PhoneNumbers" })
            Assert.All(Loaded(name), a => Assert.Equal("SupportTools", ContextOf(a)));
        Assert.NotEmpty(Loaded("SupportTools.Core"));
        Assert.NotEmpty(Loaded("PhoneNumbers"));
        foreach (var name in new[] { "SupportTools", "SupportTools.Model" })
            Assert.Equal(AssemblyLoadContext.Default.Name, ContextOf(Assert.Single(Loaded(name))));

        // One Model for both sides: Core's output objects are the type a script names.
        var same = _ps.Run("$r = Get-CallRecord -Database $args[0] | Select-Object -First 1; $r -is [SupportTools.Calls.CallRecord]; $r.GetType().Assembly.GetName().Name", _ps.PathOf("calls.db"));
        same.ThrowOnError();
        Assert.Equal([true, "SupportTools.Model"], same.Output.Select(o => o.BaseObject));
    }

    private static object? ModuleTestProperty(PsResult result, string name) => Assert.Single(result.Output).Properties[name].Value;
}
