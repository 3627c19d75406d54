using System.Diagnostics;

namespace SupportTools.Bench;

/// <summary>
/// The side-by-side anchor: the <c>sqlite3</c> command-line shell loading the same export with JSON1 and computing
/// time in status with window functions (bench/anchors/). Null from <see cref="Find"/> when the shell is not installed.
/// </summary>
internal sealed class SqliteAnchor
{
    private readonly string _shell;
    private readonly string _scripts = Path.Combine(AppContext.BaseDirectory, "anchors");

    private SqliteAnchor(string shell) => _shell = shell;

    /// <summary>The anchor when <c>sqlite3</c> is on the PATH, else null (and a note on the console).</summary>
    public static SqliteAnchor? Find()
    {
        var name = OperatingSystem.IsWindows() ? "sqlite3.exe" : "sqlite3";
        var shell = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
        if (shell is null) Console.WriteLine("Note: the sqlite3 command-line shell is not on the PATH; the anchor columns are skipped.");
        return shell is null ? null : new SqliteAnchor(shell);
    }

    /// <summary>Loads <paramref name="export"/> into a new <paramref name="database"/>.</summary>
    public TimeSpan Load(string database, string export) =>
        Run(database, ".param set :file " + export, ".read " + Path.Combine(_scripts, "sqlite-load.sql"));

    /// <summary>Time in status per ticket, output discarded.</summary>
    public TimeSpan Durations(string database) => Run(database, ".read " + Path.Combine(_scripts, "sqlite-durations.sql"));

    /// <summary>Imports the CDR CSV <paramref name="csv"/> into table <c>cdr</c> of a new <paramref name="database"/>, as a shell user would.</summary>
    public TimeSpan ImportCsv(string database, string csv) => Run(database, ".import --csv " + csv + " cdr");

    /// <summary>Hourly call statistics grouped by unanswered with window functions (sqlite-calls.sql), output discarded.</summary>
    public TimeSpan CallStatistics(string database) => Run(database, ".read " + Path.Combine(_scripts, "sqlite-calls.sql"));

    private TimeSpan Run(string database, params string[] commands)
    {
        var start = new ProcessStartInfo(_shell) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(database);
        foreach (var command in commands) start.ArgumentList.Add(command);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_shell}.");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(Stream.Null); // as "> /dev/null"
        process.WaitForExit();
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0 || errors.Result.Length > 0)
            throw new InvalidOperationException($"sqlite3 {string.Join(' ', commands)} failed ({process.ExitCode}): {errors.Result}");
        return elapsed;
    }
}
