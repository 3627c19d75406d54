namespace SupportTools.Storage;

/// <summary>An input file being read, as <see cref="FileImportPipeline"/> reports it.</summary>
internal interface IImportFile
{
    /// <summary>The file's path.</summary>
    string Path { get; }

    /// <summary>Its length in bytes.</summary>
    long Length { get; }

    /// <summary>The bytes read so far.</summary>
    long BytesRead { get; }
}
