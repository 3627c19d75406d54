namespace SupportTools.TestServer.Desk;

/// <summary>How a <see cref="DeskMock"/> behaves: how many cases, which credentials it wants, and the page faults it plays.</summary>
public sealed record DeskMockOptions
{
    /// <summary>How many cases the site holds.</summary>
    public int Cases { get; init; } = 250;

    /// <summary>Seed of the generated cases: the same seed and count give the same cases.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Basic authentication required with this user (an e-mail) and <see cref="Password"/>; null: not accepted.</summary>
    public string? User { get; init; }

    /// <summary>The password that goes with <see cref="User"/>.</summary>
    public string? Password { get; init; }

    /// <summary>OAuth 1.0a accepted with these consumer and token credentials (the signature is checked); null: not accepted.</summary>
    public (string Key, string Secret, string Token, string TokenSecret)? OAuth { get; init; }

    /// <summary>This page's <c>next</c> link points back to page 1 (a server bug the client must not follow forever).</summary>
    public int? RepeatNextOnPage { get; init; }

    /// <summary>This page has no <c>_embedded</c> member at all.</summary>
    public int? DropEmbeddedOnPage { get; init; }

    /// <summary>Every page's <c>_links</c> other than <c>next</c> are null (self, first, last, previous).</summary>
    public bool NullLinks { get; init; }

    /// <summary>The last page of cases links to one more page, which is empty and has no next.</summary>
    public bool EmptyLastPage { get; init; }

    /// <summary>
    /// From this page on, <c>next</c> links to the same page with a new <c>nonce</c> parameter each time, and the cases
    /// repeat: a server that always says there is more.
    /// </summary>
    public int? NonceLoopOnPage { get; init; }

    /// <summary>Even pages write their custom fields as an older era of the API did (<c>"0"</c>/<c>"1"</c>, numbers as numbers).</summary>
    public bool MixedEras { get; init; }

    /// <summary>
    /// <c>GET /api/v2/custom_fields</c> answers 404 (a site, or a role, without access to the field list); by default it
    /// lists the case fields tier (list), seats (integer) and follow_up (boolean), and a customer field.
    /// </summary>
    public bool NoCustomFieldList { get; init; }

    /// <summary>Whether the request needs credentials at all.</summary>
    public bool RequiresAuthentication => User is not null || OAuth is not null;
}
