"The reproduction wing: the digits benchmark and its tables, the paper's presets and runner, bring-your-own files and the console scripts"
