/** Preloaded (`node --require`) into the simulate child: prints its CPU time, and peak RSS for when /usr/bin/time is missing. */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`cpu-us=${usage.userCPUTime + usage.systemCPUTime} peak-rss-kb=${usage.maxRSS}\n`);
});
