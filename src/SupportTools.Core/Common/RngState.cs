namespace SupportTools;

/// <summary>The 32 bytes of an <see cref="Rng"/>'s position, stored per open ticket so its stream can resume later.</summary>
internal struct RngState
{
    public ulong S0, S1, S2, S3;
}
