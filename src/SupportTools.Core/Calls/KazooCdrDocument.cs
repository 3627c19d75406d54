using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// One Kazoo CDR as JSON (a raw CDR document, a crossbar <c>/cdrs</c> listing row, or an <c>/cdrs/interaction</c> row)
/// turned into a <see cref="CallRecord"/> under the module's one rule for names and times, for the cmdlets that receive
/// CDRs one object at a time (<c>Get-KazooCdr</c>).
/// </summary>
internal static class KazooCdrDocument
{
    /// <summary>
    /// The record <paramref name="cdr"/> describes; a <see cref="CallFieldException"/> naming the field when it cannot be
    /// read. Zone ids are left null: the importing store derives them.
    /// </summary>
    public static CallRecord ToCallRecord(JsonElement cdr) =>
        throw new NotImplementedException("Placeholder for issue 13: the calls-core branch implements it.");
}
