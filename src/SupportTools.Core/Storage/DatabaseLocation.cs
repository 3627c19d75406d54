namespace SupportTools.Storage;

/// <summary>Where the SupportTools database lives when <c>-Database</c> is not given.</summary>
public static class DatabaseLocation
{
    /// <summary>The environment variable that overrides the default database.</summary>
    public const string EnvironmentVariable = "SUPPORTTOOLS_DB";

    /// <summary>
    /// <paramref name="path"/> when given; else <c>$env:SUPPORTTOOLS_DB</c>; else <c>SupportTools/support.db</c> under
    /// the user's local application-data folder. Creates nothing.
    /// </summary>
    public static string Resolve(string? path)
    {
        if (path is not null)
            return string.IsNullOrWhiteSpace(path) ? throw new InvalidRequestException("-Database is blank: give a database file, or leave it out for the default.", path) : path;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "SupportTools", "support.db");
    }
}
