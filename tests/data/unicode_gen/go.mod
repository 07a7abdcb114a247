module unicode_gen

go 1.27
