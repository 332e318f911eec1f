# the interpreter waits for non-daemon threads before exiting (threading._shutdown)
import threading, time
def work():
    time.sleep(0.2)
    print("worker done")
threading.Thread(target=work).start()
print("main done")
