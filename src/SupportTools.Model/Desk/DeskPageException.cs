namespace SupportTools.Desk;

/// <summary>A page of a Desk pull that cannot be used, naming the page's URL and why; the pull stops there.</summary>
public sealed class DeskPageException : SupportToolsException
{
    /// <summary>Creates the exception for the page at <paramref name="pageUri"/>.</summary>
    public DeskPageException(DeskPageProblem problem, Uri pageUri, string reason)
        : base($"Desk page {pageUri}: {reason}")
    {
        Problem = problem;
        PageUri = pageUri;
    }

    /// <summary>What was wrong.</summary>
    public DeskPageProblem Problem { get; }
    /// <summary>The page at fault.</summary>
    public Uri PageUri { get; }

    /// <inheritdoc />
    public override string ErrorId => Problem == DeskPageProblem.Loop ? ErrorIds.DeskPagingLoop : ErrorIds.InvalidDeskPage;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.InvalidResult;

    /// <inheritdoc />
    public override object? Target => PageUri;

    /// <summary>Always the page at fault.</summary>
    public override object? TargetFor(object? callerTarget) => PageUri;
}
