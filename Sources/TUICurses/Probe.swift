import CNcursesw
func probe() -> Int32 { cnc_lines() }
