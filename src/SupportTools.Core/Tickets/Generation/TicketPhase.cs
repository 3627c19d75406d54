namespace SupportTools.Tickets.Generation;

/// <summary>The activity an open ticket does next (see <c>TicketSimulation</c>); each phase emits exactly one.</summary>
internal enum TicketPhase : byte
{
    /// <summary>The requester creates it.</summary>
    NewTicket,
    /// <summary>Automation routes it to a group and agent.</summary>
    Route,
    /// <summary>The agent's private note before replying.</summary>
    ReplyPrivateNote,
    /// <summary>The agent changes a property before replying.</summary>
    PropertyChange,
    /// <summary>The agent assigns it to themselves (first reply, not routed).</summary>
    AssignAgent,
    /// <summary>The agent's reply.</summary>
    Reply,
    /// <summary>The agent sets a waiting status.</summary>
    SetWaiting,
    /// <summary>The agent resolves it.</summary>
    Resolved,
    /// <summary>Automation resolves it after the customer's silence.</summary>
    SilentResolve,
    /// <summary>Automation closes it.</summary>
    Closed,
    /// <summary>The customer writes back.</summary>
    CustomerNote,
    /// <summary>Automation reopens it on the customer's reply.</summary>
    ReopenOnReply,
    /// <summary>The agent notes the third party's answer.</summary>
    ThirdPartyNote,
    /// <summary>The agent reopens it after the third party's answer.</summary>
    ThirdPartyOpen,
    /// <summary>Nothing more happens.</summary>
    Done,
}
