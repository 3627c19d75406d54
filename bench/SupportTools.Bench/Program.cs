Console.WriteLine("SupportTools benchmarks: not written yet.");
