namespace SupportTools;

/// <summary>
/// How Core reports on long work without knowing about PowerShell: progress with a status text, verbose lines and
/// warnings. Implementations are called synchronously on the caller's thread (a cmdlet writes them to its streams
/// directly; async Core work goes through the cmdlet layer's bridge to the pipeline thread). Callers may report
/// progress often: implementations throttle.
/// </summary>
public interface IOperationReporter
{
    /// <summary><paramref name="completed"/> units of <paramref name="total"/> (null when unknown), with what is being done.</summary>
    void Progress(string status, long completed, long? total);

    /// <summary>A line for <c>-Verbose</c>: what is being done, never a secret.</summary>
    void Verbose(string message);

    /// <summary>Something the user should know that is not an error.</summary>
    void Warning(string message);
}
