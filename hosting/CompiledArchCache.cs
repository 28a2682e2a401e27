using System.Security.Cryptography;
using System.Text;
using LazyMmuGen.Generator;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Hosting;

/// <summary>
/// Compiled arch libraries on disk, keyed by everything that decides their content: the generator and runtime
/// builds (module version ids, so any new build of the tool misses), the project folder paths are made
/// relative to, the batch capacity a checking build lowers to, and each descriptor's path and text. A hit skips the generator and the compiler entirely.
/// </summary>
public sealed class CompiledArchCache(string folder)
{
    /// <summary>$LAZYMMU_CACHE, else the user's local application data folder.</summary>
    public static CompiledArchCache Default { get; } = new(Environment.GetEnvironmentVariable("LAZYMMU_CACHE") is { Length: > 0 } custom
        ? custom
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "lazymmu", "cache"));

    public string Folder { get; } = folder;

    public static string Key(IReadOnlyList<DescriptorFile> files, string projectDir, int? batchCapacity = null)
    {
        var text = new StringBuilder()
            .Append(typeof(LazyMmuGenerator).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(typeof(MachineCore).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            // How the image is compiled (its options, its embedded PDB) lives here: a new build of it is a new key.
            .Append(typeof(CompiledArchCache).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(projectDir).Append('\n');
        // Absent and "capacity 0" never collide: a real capacity is at least 1.
        if (batchCapacity is { } capacity) text.Append("batch-capacity ").Append(capacity).Append('\n');
        foreach (var file in files) text.Append(file.FullPath).Append('\n').Append(file.Text.Length).Append('\n').Append(file.Text).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public byte[]? TryRead(string key)
    {
        var path = PathOf(key);
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (IOException)
        {
            return null; // A concurrent writer or a broken file: compile again.
        }
    }

    /// <summary>Writes atomically (temp file, then rename), so a reader never sees half an image; failures are not fatal.</summary>
    public void Write(string key, byte[] image)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var temp = PathOf(key) + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, image);
            File.Move(temp, PathOf(key), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache (read-only home, full disk): every run compiles, which is slower but correct.
        }
    }

    private string PathOf(string key) => Path.Combine(Folder, key + ".dll");
}
