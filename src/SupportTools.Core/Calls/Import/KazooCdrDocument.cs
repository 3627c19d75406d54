using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// One Kazoo CDR as JSON (a raw CDR document, a crossbar <c>/cdrs</c> listing row, or an <c>/cdrs/interaction</c> row)
/// turned into a <see cref="CallRecord"/> under the module's one rule for names and times, for the cmdlets that receive
/// CDRs one object at a time (<c>Get-KazooCdr</c>). It goes through the same <see cref="CallJsonRecordParser"/> and
/// <see cref="CallRowBuilder"/> as a file's records (see <see cref="CallRecordConverter"/>): the same names
/// (<c>direction</c> or <c>call_direction</c>…), the same start time (<see cref="CallStart"/>), the same link to its call
/// (<see cref="CallLink"/>), the same checks.
/// </summary>
internal static class KazooCdrDocument
{
    /// <summary>
    /// The record <paramref name="cdr"/> describes; a <see cref="CallFieldException"/> naming the field (its
    /// <see cref="CallFieldException.Field"/>, and the message) when it cannot be read. Zone ids are left null: the
    /// importing store derives them. <c>Unanswered</c> is derived when the CDR does not say.
    /// </summary>
    public static CallRecord ToCallRecord(JsonElement cdr) => CallRecordConverter.ForThisThread.FromJson(cdr);
}
