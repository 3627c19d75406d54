namespace SupportTools.Tests.Common;

public sealed class StagedFileTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_target_changes_only_on_commit_and_an_abandoned_write_leaves_nothing()
    {
        var target = _files.PathOf("out.json");
        File.WriteAllText(target, "good");
        using (var file = StagedFile.Create(target))
        {
            file.Stream.Write("partial"u8);
            Assert.Equal("good", File.ReadAllText(target));
        }
        Assert.Equal("good", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_files.Directory));

        using (var file = StagedFile.Create(target))
        {
            file.Stream.Write("new"u8);
            file.Commit();
        }
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Throws<IOException>(() => StagedFile.Create(target, noClobber: true));
    }

    [Fact]
    public void A_commit_sweeps_partial_files_a_killed_process_left_long_ago_but_not_recent_ones()
    {
        var target = _files.PathOf("out.json");
        var old = _files.PathOf(".out.json.0123.partial");
        var recent = _files.PathOf(".out.json.4567.partial");
        var other = _files.PathOf(".other.json.89ab.partial");
        foreach (var path in new[] { old, recent, other }) File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - StagedFile.AbandonedAfter - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow - StagedFile.AbandonedAfter - TimeSpan.FromMinutes(1));

        using (var file = StagedFile.Create(target)) file.Commit();

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other));
    }
}
